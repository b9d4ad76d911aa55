#pragma once
// What every part of the scenario reader needs to read a TOML table and to point at the
// file, line and key of a mistake (read_scenario.cpp, and the readers of a register made up
// from counts). Internal to council/.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "veche/core/error.hpp"
#include "veche/council/organisation.hpp"

namespace veche {

class ScenarioToml {
 public:
  explicit ScenarioToml(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }

  [[noreturn]] void fail(const toml::node& at, const std::string& key,
                         const std::string& why) const {
    throw InputError(file_, at.source().begin.line, key, why);
  }

  void check_keys(const toml::table& table, const std::string& path,
                  std::set<std::string_view> allowed) const {
    for (const auto& [key, value] : table) {
      if (!allowed.contains(key.str())) {
        fail(value, join(path, key.str()),
             fmt::format("unknown key (expected one of: {})", list(allowed)));
      }
    }
  }

  static std::string list(const std::set<std::string_view>& names) {
    std::string out;
    for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
  }
  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
  static std::string item(std::string_view array, std::size_t i) {
    return fmt::format("{}[{}]", array, i + 1);
  }

  const toml::table& table_at(const toml::node& node, const std::string& key) const {
    if (!node.is_table()) fail(node, key, "expected a table");
    return *node.as_table();
  }

  // The tables of an array of tables (`[[council]]`), or none when the key is absent.
  std::vector<const toml::table*> tables(const toml::table& parent, std::string_view key,
                                         const std::string& path) const {
    std::vector<const toml::table*> out;
    const toml::node* node = parent.get(key);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array)
      fail(*node, join(path, key), "expected an array of tables ([[" + std::string(key) + "]])");
    for (std::size_t i = 0; i < array->size(); ++i)
      out.push_back(&table_at((*array)[i], item(join(path, key), i)));
    return out;
  }

  std::optional<std::string> text(const toml::table& t, std::string_view key,
                                  const std::string& path) const {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    auto value = node->value<std::string>();
    if (!value) fail(*node, join(path, key), "expected a string");
    if (value->empty()) fail(*node, join(path, key), "must not be empty");
    return value;
  }
  std::string required_text(const toml::table& t, std::string_view key,
                            const std::string& path) const {
    auto value = text(t, key, path);
    if (!value) fail(t, join(path, key), "missing");
    return *value;
  }

  std::optional<std::int64_t> number(const toml::table& t, std::string_view key,
                                     const std::string& path, std::int64_t least = 0) const {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    if (!node->is_integer()) fail(*node, join(path, key), "expected a whole number");
    std::int64_t value = node->as_integer()->get();
    if (value < least) fail(*node, join(path, key), fmt::format("must be at least {}", least));
    return value;
  }

  std::vector<std::string> texts(const toml::table& t, std::string_view key,
                                 const std::string& path) const {
    std::vector<std::string> out;
    const toml::node* node = t.get(key);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) fail(*node, join(path, key), "expected a list of strings");
    for (std::size_t i = 0; i < array->size(); ++i) {
      auto value = (*array)[i].value<std::string>();
      if (!value) fail((*array)[i], item(join(path, key), i), "expected a string");
      out.push_back(*value);
    }
    return out;
  }

  template <class T>
  T parsed(const toml::table& t, std::string_view key, const std::string& path, T fallback,
           std::optional<T> (*parse)(std::string_view), std::string_view expected) const {
    auto value = text(t, key, path);
    if (!value) return fallback;
    auto result = parse(*value);
    if (!result)
      fail(*t.get(key), join(path, key), fmt::format("expected {}, not \"{}\"", expected, *value));
    return *result;
  }

  CouncilId council_named(const toml::table& t, std::string_view key, const std::string& path,
                          const Organisation& o) const {
    std::string name = required_text(t, key, path);
    auto id = o.find_council(name);
    if (!id) fail(*t.get(key), join(path, key), fmt::format("no council called \"{}\"", name));
    return *id;
  }

 protected:
  std::string file_;
};

}  // namespace veche
