// libsodium for Swift: passphrase keys (Argon2id) and secretstream encryption of bundles.
#include <sodium.h>
