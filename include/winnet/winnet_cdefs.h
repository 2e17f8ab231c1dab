/* winnet_cdefs.h - export and linkage macros shared by every public header.
 * Public functions carry WINNET_API so the library, built with hidden visibility,
 * exports exactly the declared API. */
#ifndef WINNET_CDEFS_H
#define WINNET_CDEFS_H

#if defined(__GNUC__) || defined(__clang__)
#define WINNET_API __attribute__((visibility("default")))
#else
#define WINNET_API
#endif

#ifdef __cplusplus
#define WINNET_BEGIN_DECLS extern "C" {
#define WINNET_END_DECLS   }
#else
#define WINNET_BEGIN_DECLS
#define WINNET_END_DECLS
#endif

/* Windows calling-convention markers: on Linux every call uses the host ABI. */
#ifndef WINAPI
#define WINAPI
#endif
#ifndef NTAPI
#define NTAPI
#endif
#ifndef CALLBACK
#define CALLBACK
#endif

/* SAL annotations used in prototypes copied from the Windows documentation. */
#ifndef _In_
#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#endif

#endif /* WINNET_CDEFS_H */
