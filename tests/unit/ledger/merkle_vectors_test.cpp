// Every probe of tests/data/merkle-rfc6962 (RFC 6962 / 9162 vectors from transparency-dev).
#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "veche/ledger/merkle.hpp"

namespace veche {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kVectors = fs::path(VECHE_TEST_DATA) / "merkle-rfc6962";

std::string from_base64(const json& value) {
  if (value.is_null()) return {};
  std::string text = value.get<std::string>();
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    ADD_FAILURE() << "bad base64 " << text;
  }
  out.resize(length);
  return out;
}

std::vector<std::string> proof_bytes(const json& proof) {
  std::vector<std::string> out;
  if (proof.is_array()) {
    for (const json& item : proof) out.push_back(from_base64(item));
  }
  return out;
}

Bytes bytes_of(const std::string& s) {
  return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

json read_json(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

std::vector<fs::path> probes(const std::string& kind) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(kVectors / kind)) {
    if (entry.path().extension() == ".json") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> leaf_inputs() {
  std::vector<std::string> out;
  const json roots = read_json(kVectors / "roots.json");
  for (const json& hex : roots["leaf_inputs_hex"]) {
    std::string text = hex.get<std::string>(), bytes;
    for (std::size_t i = 0; i < text.size(); i += 2) {
      bytes.push_back(static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16)));
    }
    out.push_back(bytes);
  }
  return out;
}

std::vector<Hash> leaf_hashes() {
  std::vector<Hash> out;
  for (const std::string& leaf : leaf_inputs()) out.push_back(leaf_hash(leaf));
  return out;
}

TEST(MerkleVectors, LeafHashesAndSubtreesMatchRoots) {
  json roots = read_json(kVectors / "roots.json");
  auto leaves = leaf_hashes();
  ASSERT_EQ(leaves.size(), 8u);
  const json& levels = roots["node_hashes_hex"]["levels"];
  for (std::size_t level = 0; level < levels.size(); ++level) {
    std::size_t width = std::size_t{1} << level;
    for (std::size_t i = 0; i < levels[level].size(); ++i) {
      auto subtree = std::span<const Hash>(leaves).subspan(i * width, width);
      EXPECT_EQ(to_hex(tree_root(subtree)), levels[level][i].get<std::string>())
          << "level " << level << " node " << i;
    }
  }
}

TEST(MerkleVectors, RootsOfEverySize) {
  json roots = read_json(kVectors / "roots.json");
  auto leaves = leaf_hashes();
  for (const json& row : roots["roots"]) {
    std::size_t n = row["tree_size"];
    EXPECT_EQ(to_hex(tree_root(std::span<const Hash>(leaves).first(n))),
              row["root_hex"].get<std::string>())
        << "size " << n;
  }
  EXPECT_EQ(to_hex(empty_tree_root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(MerkleVectors, EveryInclusionProbe) {
  auto files = probes("inclusion");
  EXPECT_EQ(files.size(), 98u);
  for (const fs::path& file : files) {
    json probe = read_json(file);
    std::string leaf = from_base64(probe["leafHash"]), root = from_base64(probe["root"]);
    auto proof = hashes_from_bytes(proof_bytes(probe["proof"]));
    bool holds = proof && inclusion_holds(probe["leafIdx"], probe["treeSize"], bytes_of(leaf),
                                          *proof, bytes_of(root));
    EXPECT_EQ(holds, !probe["wantErr"].get<bool>())
        << file << ": " << probe["desc"].get<std::string>();
  }
}

TEST(MerkleVectors, EveryConsistencyProbe) {
  auto files = probes("consistency");
  EXPECT_EQ(files.size(), 98u);
  for (const fs::path& file : files) {
    json probe = read_json(file);
    std::string root1 = from_base64(probe["root1"]), root2 = from_base64(probe["root2"]);
    auto proof = hashes_from_bytes(proof_bytes(probe["proof"]));
    bool holds = proof && consistency_holds(probe["size1"], probe["size2"], bytes_of(root1),
                                            bytes_of(root2), *proof);
    EXPECT_EQ(holds, !probe["wantErr"].get<bool>())
        << file << ": " << probe["desc"].get<std::string>();
  }
}

// The happy-path proofs are what our own proof builder produces for the same leaves.
TEST(MerkleVectors, ProofsWeBuildAreTheVectorsProofs) {
  auto leaves = leaf_hashes();
  for (const fs::path& file : probes("inclusion")) {
    json probe = read_json(file);
    if (probe["wantErr"].get<bool>() || file.parent_path().filename() == "single-entry") continue;
    std::size_t size = probe["treeSize"];
    auto built = inclusion_proof(std::span<const Hash>(leaves).first(size), probe["leafIdx"]);
    EXPECT_EQ(built, *hashes_from_bytes(proof_bytes(probe["proof"]))) << file;
  }
  for (const fs::path& file : probes("consistency")) {
    json probe = read_json(file);
    if (probe["wantErr"].get<bool>() || file.parent_path().filename() == "additional") continue;
    std::size_t size2 = probe["size2"];
    auto built = consistency_proof(std::span<const Hash>(leaves).first(size2), probe["size1"]);
    EXPECT_EQ(built, *hashes_from_bytes(proof_bytes(probe["proof"]))) << file;
  }
}

}  // namespace
}  // namespace veche
