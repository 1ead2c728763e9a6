#ifndef TALON_CCURL_SHIM_H
#define TALON_CCURL_SHIM_H
/* libcurl (Debian libcurl4-openssl-dev): SMTP for the notice outbox, wrapped by TalonMail
   only. curl_easy_setopt is variadic, which Swift cannot call, so each argument type gets
   one typed forwarder here. */
#include <curl/curl.h>

static inline CURLcode talon_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode talon_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode talon_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode talon_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode talon_curl_set_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}
#endif
