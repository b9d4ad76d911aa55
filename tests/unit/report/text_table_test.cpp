#include <gtest/gtest.h>

#include "veche/report/text_table.hpp"

namespace veche {
namespace {

TEST(TextTable, AlignsAccentedNamesByCharacters) {
  TextTable t;
  t.add_row({"Renée SLATER", "12"});
  t.add_row({"Bob", "3"});
  EXPECT_EQ(t.render(), "Renée SLATER  12\nBob            3\n");
  EXPECT_EQ(display_width("Eòghann"), 7u);
}

}  // namespace
}  // namespace veche
