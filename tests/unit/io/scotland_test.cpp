#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io_test_support.hpp"

namespace veche {
namespace {

// The 351 wards of the Scottish council elections of 2017, read as published: unquoted
// names, mixed titles, no final newline (tests/data/scotland-2017/README.md).
TEST(Scotland, AllWardsReadWithOfficialValidPollAndNames) {
  std::ifstream in(VECHE_SCOTLAND_DATA "/official.json");
  ASSERT_TRUE(in) << "run cmake to unpack " VECHE_SCOTLAND_DATA;
  // Ordered: the stage objects list the candidates in BLT order.
  auto official = nlohmann::ordered_json::parse(in);
  ASSERT_EQ(official.size(), 351u);
  int wards = 0;
  for (const auto& ward : official) {
    const std::string file = ward["file"].get<std::string>();
    SCOPED_TRACE(file);
    Profile p = read_ballots(VECHE_SCOTLAND_DATA "/" + file, "", {});
    ++wards;
    Weight valid_poll = std::stoull(ward["valid_poll"].get<std::string>());
    // East Dunbartonshire, Bearsden North: the source says 7034, its own stage 1 adds to 7035.
    if (file == "east-dunbartonshire/bearsden-north.blt") valid_poll = 7035;
    EXPECT_EQ(p.total_weight(), valid_poll);
    EXPECT_EQ(p.seats, ward["seats"].get<int>());
    EXPECT_EQ(p.rejected, 0u);
    EXPECT_FALSE(p.has_equal_ranks());
    std::vector<std::string> names;
    for (const auto& [name, votes] : ward["stages"][0]["votes"].items()) names.push_back(name);
    EXPECT_EQ(p.candidates, names);
    const auto& elected = ward["elected"];
    const auto& index = ward["elected_index"];
    for (std::size_t k = 0; k < elected.size(); ++k) {
      EXPECT_EQ(p.candidates.at(index[k].get<std::size_t>() - 1), elected[k].get<std::string>());
    }
    EXPECT_FALSE(p.title.empty());
    EXPECT_EQ(p.title.find('"'), std::string::npos);
  }
  EXPECT_EQ(wards, 351);
}

TEST(Scotland, Utf8NamesAndQuotedTitleAreKept) {
  std::ifstream in(VECHE_SCOTLAND_DATA "/official.json");
  auto official = nlohmann::json::parse(in);
  std::set<std::string> wanted = {"Ciar\xc3\xa1n MCRAE (SNP)",
                                  "Ren\xc3\xa9"
                                  "e SLATER (Grn)",
                                  "E\xc3\xb2ghann MACCOLL (SNP)",
                                  "Ellen H\xc3\x96"
                                  "FER-FRANZ (Grn)"};
  std::set<std::string> found;
  bool stornoway = false, preston = false;
  for (const auto& ward : official) {
    Profile p = read_ballots(VECHE_SCOTLAND_DATA "/" + ward["file"].get<std::string>(), "blt", {});
    for (const auto& name : p.candidates) {
      if (wanted.count(name)) found.insert(name);
    }
    stornoway |= p.title == "Ste\xc3\xb2rnabhagh a Tuath";
    preston |= p.title == "Preston, Seton and Gosford";
  }
  EXPECT_EQ(found, wanted);
  EXPECT_TRUE(stornoway);
  EXPECT_TRUE(preston);
}

}  // namespace
}  // namespace veche
