/* winsock2.h - the thin Winsock layer winnet needs: the Windows address names of
 * ws2def.h over the host's BSD socket headers. There is no WSAStartup or SOCKET
 * type here; sockets are the host's file descriptors. */
#ifndef WINNET_WINSOCK2_H
#define WINNET_WINSOCK2_H

#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "windef.h"
#include "ws2def.h"

#endif /* WINNET_WINSOCK2_H */
