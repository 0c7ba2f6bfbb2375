#pragma once

namespace parley::crypto {

// Initialises libsodium once per process; safe to call from any thread. Returns false only when
// the library cannot work on this machine (no entropy source), in which case nothing may be
// encrypted.
bool ensureSodium();

} // namespace parley::crypto
