/* Test harness only, never shipped: a stand-in for Windows' bcryptprimitives.dll inside
 * the Wine prefix of scripts/build_windows.py.
 *
 * cryptography's Rust extension (_rust.pyd, the evidence packs' Ed25519 signatures) draws
 * its random numbers through ProcessPrng, which Windows 10 and later export from
 * bcryptprimitives.dll and Wine 8 does not have; without it the extension does not load.
 * This library exports ProcessPrng and takes the bytes from the system's generator
 * (BCryptGenRandom). Real Windows has the real one.
 *
 * x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *     scripts/build_windows_bcryptprimitives.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
