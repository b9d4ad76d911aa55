#pragma once
#include <string>
#include <vector>

namespace veche {

// A plain-text table: first column left-aligned (names), the rest right-aligned
// (figures). Widths count characters, not bytes, so accented names line up.
class TextTable {
 public:
  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string render() const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

std::size_t display_width(const std::string& utf8);

}  // namespace veche
