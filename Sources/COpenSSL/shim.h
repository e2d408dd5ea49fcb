// COpenSSL: the libcrypto (OpenSSL 3.x) surface used by MediasecCrypto.
// MediasecCrypto is the only Swift module that imports this one.
#ifndef MEDIASEC_COPENSSL_SHIM_H
#define MEDIASEC_COPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

#endif
