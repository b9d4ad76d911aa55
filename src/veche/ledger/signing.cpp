#include "veche/ledger/signing.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <stdexcept>

#include "veche/core/error.hpp"
#include "veche/ledger/merkle.hpp"

namespace veche {

static_assert(sizeof(PublicKey::bytes) == crypto_sign_PUBLICKEYBYTES);
static_assert(sizeof(SigningKey::secret) == crypto_sign_SECRETKEYBYTES);

namespace {
void need_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::optional<std::string> bytes_from_hex(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t length = 0;
  if (hex.size() % 2 != 0 ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != out.size()) {
    return std::nullopt;
  }
  return out;
}
}  // namespace

SigningKey new_signing_key() {
  need_sodium();
  SigningKey key;
  crypto_sign_keypair(key.public_key.bytes.data(), key.secret.data());
  return key;
}

void save_signing_key(const SigningKey& key, const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw UsageError(file.string() + ": cannot create the key file (does it exist?)");
  std::string text = to_hex(key.secret) + "\n";
  bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                 ::fsync(fd) == 0;
  ::close(fd);
  if (!written) throw std::runtime_error(file.string() + ": cannot write the key");
}

SigningKey load_signing_key(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string hex;
  if (!(in >> hex)) throw UsageError(file.string() + ": cannot read the key file");
  auto bytes = bytes_from_hex(hex);
  SigningKey key;
  if (!bytes || bytes->size() != key.secret.size()) {
    throw UsageError(file.string() + ": not an Ed25519 secret key (128 hex digits)");
  }
  std::copy(bytes->begin(), bytes->end(), key.secret.begin());
  crypto_sign_ed25519_sk_to_pk(key.public_key.bytes.data(), key.secret.data());
  return key;
}

std::string to_hex(const PublicKey& key) { return to_hex(Bytes(key.bytes)); }

std::optional<PublicKey> public_key_from_hex(std::string_view hex) {
  auto bytes = bytes_from_hex(hex);
  PublicKey key;
  if (!bytes || bytes->size() != key.bytes.size()) return std::nullopt;
  std::copy(bytes->begin(), bytes->end(), key.bytes.begin());
  return key;
}

std::string sign(std::string_view message, const SigningKey& key) {
  need_sodium();
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       key.secret.data());
  return to_hex(signature);
}

bool signature_holds(std::string_view message, std::string_view signature_hex,
                     const PublicKey& key) {
  need_sodium();
  auto signature = bytes_from_hex(signature_hex);
  if (!signature || signature->size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature->data()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key.bytes.data()) == 0;
}

std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

std::string sha256_hex(std::string_view bytes) {
  Hash out{};
  crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return to_hex(out);
}

}  // namespace veche
