/* Test harness only, never shipped: Wine 8's ucrtbase.dll with the six complex-number
 * accessors it lacks, for the Wine prefix of scripts/build_windows.py.
 *
 * numpy 2.1 and later for Windows call crealf, cimagf, creal, cimag, creall and cimagl
 * (the C runtime's accessors of a complex number's parts), which Wine 8's ucrtbase.dll
 * exports as unimplemented stubs: numpy aborts on its first complex value. The prefix's
 * ucrtbase.dll becomes this library, which implements the six and forwards every other
 * export to Wine's own ucrtbase, copied beside it as ucrtwine.dll (the forwarders are
 * written into a .def file from its export table at build time). Real Windows' ucrtbase
 * has them all.
 *
 * The C runtime passes _Fcomplex (8 bytes) in a register and _Dcomplex/_Lcomplex
 * (16 bytes; long double is double there) by reference: the same as these structures.
 */
typedef struct { float part[2]; } float_complex;
typedef struct { double part[2]; } double_complex;

float crealf(float_complex z) { return z.part[0]; }
float cimagf(float_complex z) { return z.part[1]; }
double creal(double_complex z) { return z.part[0]; }
double cimag(double_complex z) { return z.part[1]; }
double creall(double_complex z) { return z.part[0]; }
double cimagl(double_complex z) { return z.part[1]; }
