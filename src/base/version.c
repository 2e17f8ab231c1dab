/* version.c - the library's version string. */
#include "winnet.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

const char *winnet_version(void)
{
        return STR(WINNET_VERSION_MAJOR) "." STR(WINNET_VERSION_MINOR) "." STR(
            WINNET_VERSION_PATCH);
}
