/* winerror.h - the Win32 error codes the user-mode IP Helper and NetApi calls return.
 * Values equal Windows' winerror.h. */
#ifndef WINNET_WINERROR_H
#define WINNET_WINERROR_H

#define ERROR_SUCCESS                  0
#define NO_ERROR                       0
#define ERROR_INVALID_FUNCTION         1
#define ERROR_FILE_NOT_FOUND           2
#define ERROR_ACCESS_DENIED            5
#define ERROR_INVALID_HANDLE           6
#define ERROR_NOT_ENOUGH_MEMORY        8
#define ERROR_OUTOFMEMORY              14
#define ERROR_GEN_FAILURE              31
#define ERROR_NOT_SUPPORTED            50
#define ERROR_BAD_NETPATH              53
#define ERROR_INVALID_PARAMETER        87
#define ERROR_BUFFER_OVERFLOW          111
#define ERROR_INSUFFICIENT_BUFFER      122
#define ERROR_INVALID_NAME             123
#define ERROR_INVALID_LEVEL            124
#define ERROR_BAD_ARGUMENTS            160
#define ERROR_ALREADY_EXISTS           183
#define ERROR_MORE_DATA                234
#define ERROR_NO_MORE_ITEMS            259
#define ERROR_INVALID_ADDRESS          487
#define ERROR_IO_PENDING               997
#define ERROR_CANCELLED                1223
#define ERROR_NOT_FOUND                1168
#define ERROR_NO_SUCH_DOMAIN           1355
#define ERROR_NO_SUCH_ALIAS            1376
#define ERROR_NO_DATA                  232
#define ERROR_NO_BROWSER_SERVERS_FOUND 6118

#endif /* WINNET_WINERROR_H */
