/* Test harness only, never shipped: a stand-in for Windows' system icuuc.dll inside the
 * Wine prefix that scripts/build_windows.py builds the Windows program in.
 *
 * Qt6Core.dll of the PySide6 wheels imports ICU's character converters (ucnv_*) from
 * icuuc.dll, which Windows 10 1903 and later carry and Wine 8 does not; without it
 * Windows refuses to load Qt6Core.dll. This library exports the same 20 names, and every
 * converter is "unavailable": opening one fails, so Qt falls back to its own UTF-8/UTF-16
 * and system-codepage code, which is all AfterDesk uses. Real Windows has the real ICU.
 *
 * x86_64-w64-mingw32-gcc -shared -O2 -s -o icuuc.dll scripts/build_windows_icuuc.c
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

typedef int UErrorCode;
typedef struct UConverter UConverter;

static void unavailable(UErrorCode *error)
{
    if (error != NULL && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *error)
{
    (void)name;
    unavailable(error);
    return NULL;
}

EXPORT void ucnv_close(UConverter *converter) { (void)converter; }
EXPORT void ucnv_reset(UConverter *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *converter) { (void)converter; return 1; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }

EXPORT const char *ucnv_getName(const UConverter *converter, UErrorCode *error)
{
    (void)converter;
    unavailable(error);
    return NULL;
}

EXPORT const char *ucnv_getAvailableName(int32_t index)
{
    (void)index;
    return NULL;
}

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard,
                                        UErrorCode *error)
{
    (void)name;
    (void)standard;
    unavailable(error);
    return NULL;
}

/* Callbacks and conversions: never reached, since no converter ever opens. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void ucnv_getToUCallBack(void) {}
EXPORT void ucnv_getFromUCallBack(void) {}
EXPORT void ucnv_setToUCallBack(const UConverter *c, const void *f, const void *ctx,
                                void *old, const void **oldctx, UErrorCode *error)
{
    (void)c; (void)f; (void)ctx; (void)old; (void)oldctx;
    unavailable(error);
}
EXPORT void ucnv_setFromUCallBack(const UConverter *c, const void *f, const void *ctx,
                                  void *old, const void **oldctx, UErrorCode *error)
{
    (void)c; (void)f; (void)ctx; (void)old; (void)oldctx;
    unavailable(error);
}
EXPORT void ucnv_cbToUWriteUChars(void) {}
EXPORT void ucnv_cbFromUWriteUChars(void) {}
EXPORT void ucnv_toUnicode(void) {}
EXPORT void ucnv_fromUnicode(void) {}
EXPORT int32_t ucnv_toUCountPending(void) { return 0; }
EXPORT int32_t ucnv_fromUCountPending(void) { return 0; }
