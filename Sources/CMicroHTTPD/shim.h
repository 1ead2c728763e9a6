#ifndef TALON_CMICROHTTPD_SHIM_H
#define TALON_CMICROHTTPD_SHIM_H
/* GNU libmicrohttpd (libmicrohttpd-dev, installed by scripts/setup.sh): the HTTP server
   under `talon serve`; wrapped by Sources/TalonServer/HTTPServer*.swift only.
   MHD_start_daemon and MHD_get_connection_info are C variadic functions, which Swift
   cannot call: the two inline functions below call them with fixed arguments. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/* Starts a daemon listening on `address` (IPv4 or IPv6, already filled in) with a pool of
   `threads` polling threads, at most `connections` connections (`per_address` from one
   client), `timeout` seconds of idleness per connection and `memory` bytes per connection. */
static inline struct MHD_Daemon *talon_mhd_start(
    const struct sockaddr *address, unsigned int threads, unsigned int connections,
    unsigned int per_address, unsigned int timeout, size_t memory,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context)
{
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME;
    if (address->sa_family == AF_INET6) flags |= MHD_USE_IPv6;
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_context,
        MHD_OPTION_SOCK_ADDR, address,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_LIMIT, connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address,
        MHD_OPTION_CONNECTION_TIMEOUT, timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_END);
}

/* The port the daemon listens on (useful after asking for port 0), or 0. */
static inline uint16_t talon_mhd_port(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/* Writes the client's address as text into `buffer` ("" when unknown). */
static inline void talon_mhd_client_address(struct MHD_Connection *connection, char *buffer, size_t size)
{
    buffer[0] = 0;
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) return;
    const struct sockaddr *address = info->client_addr;
    if (address->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)address)->sin_addr, buffer, (socklen_t)size);
    else if (address->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)address)->sin6_addr, buffer, (socklen_t)size);
}

/* A response holding its own copy of `size` bytes. */
static inline struct MHD_Response *talon_mhd_response(const void *bytes, size_t size)
{
    return MHD_create_response_from_buffer(size, (void *)bytes, MHD_RESPMEM_MUST_COPY);
}
#endif
