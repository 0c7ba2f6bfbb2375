#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace parley::crypto {

bool ensureSodium()
{
    // sodium_init() is itself thread-safe and idempotent (returns 1 when already done).
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace parley::crypto
