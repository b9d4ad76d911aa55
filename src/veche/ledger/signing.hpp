#pragma once
// Ed25519 through libsodium: who may sign what in a record, and checking it.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace veche {

struct PublicKey {
  std::array<unsigned char, 32> bytes{};
  bool operator==(const PublicKey&) const = default;
};

struct SigningKey {
  std::array<unsigned char, 64> secret{};  // libsodium's form: seed then public key
  PublicKey public_key;
};

SigningKey new_signing_key();
// A secret key file holds the 64-byte secret as hex and one newline; it is created 0600
// and never overwritten.
void save_signing_key(const SigningKey& key, const std::filesystem::path& file);
SigningKey load_signing_key(const std::filesystem::path& file);

std::string to_hex(const PublicKey& key);
std::optional<PublicKey> public_key_from_hex(std::string_view hex);

// The detached signature of `message`, as lowercase hex.
std::string sign(std::string_view message, const SigningKey& key);
bool signature_holds(std::string_view message, std::string_view signature_hex,
                     const PublicKey& key);

// Now, in UTC, as RFC 3339 to the second: "2026-11-25T14:30:00Z".
std::string utc_now();

// SHA-256 of bytes, as lowercase hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace veche
