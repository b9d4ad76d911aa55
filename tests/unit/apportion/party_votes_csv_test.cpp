#include <gtest/gtest.h>

#include "veche/core/error.hpp"
#include "veche/io/read.hpp"

namespace veche {
namespace {

PartyVotes parse(std::string_view text) { return parse_party_votes(text, "votes.csv"); }

// The message a bad file gets, which must start with the path and name the line.
std::string error_of(std::string_view text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(PartyVotesCsv, HeaderNamesAreKept) {
  PartyVotes pv = parse("state,population\nAlabama,5030053\nAlaska,736081\n");
  EXPECT_EQ(pv.name_column, "state");
  EXPECT_EQ(pv.votes_column, "population");
  EXPECT_EQ(pv.parties, (std::vector<std::string>{"Alabama", "Alaska"}));
  EXPECT_EQ(pv.votes, (std::vector<Weight>{5030053, 736081}));
}

TEST(PartyVotesCsv, Utf8NamesKeptByteForByte) {
  PartyVotes pv = parse("party,votes\nGRÜNE,5761476\nDie Linke,4355382\n");
  EXPECT_EQ(pv.parties[0], "GR\xC3\x9C" "NE");
  EXPECT_EQ(pv.parties[1], "Die Linke");
}

TEST(PartyVotesCsv, Rfc4180Quotes) {
  PartyVotes pv = parse("party,votes\n\"Bündnis, Sahra\",10\n\"The \"\"Real\"\" Party\",\"20\"\r\n");
  EXPECT_EQ(pv.parties, (std::vector<std::string>{"Bündnis, Sahra", "The \"Real\" Party"}));
  EXPECT_EQ(pv.votes, (std::vector<Weight>{10, 20}));
}

TEST(PartyVotesCsv, LineEndingsBomAndTrailingBlankLines) {
  EXPECT_EQ(parse("party,votes\r\nA,1\r\nB,2").votes, (std::vector<Weight>{1, 2}));
  EXPECT_EQ(parse("\xEF\xBB\xBFparty,votes\nA,1\n\n\n").name_column, "party");
  EXPECT_EQ(parse("party,votes\nA, 7 \n").votes, (std::vector<Weight>{7}));
  EXPECT_EQ(parse("party,votes\nA,0\n").votes, (std::vector<Weight>{0}));
  EXPECT_EQ(parse("party,votes\nA,18446744073709551615\n").votes[0], 18446744073709551615u);
}

TEST(PartyVotesCsv, Errors) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "votes.csv:1: empty file; expected a header row such as party,votes"},
      {"party\nA,1\n", "votes.csv:1: expected 2 columns (a header such as party,votes), found 1"},
      {"party,votes\n", "votes.csv:1: no rows after the header"},
      {"party,votes\nA\n", "votes.csv:2: expected 2 columns (party,votes), found 1"},
      {"party,votes\nA,1,2\n", "votes.csv:2: expected 2 columns (party,votes), found 3"},
      {"party,votes\nA,1\n\nB,2\n", "votes.csv:3: expected 2 columns (party,votes), found 1"},
      {"party,votes\nA,many\n", "votes.csv:2: votes: expected a whole number, got \"many\""},
      {"party,votes\nA,1.5\n", "votes.csv:2: votes: expected a whole number, got \"1.5\""},
      {"party,votes\nA,\n", "votes.csv:2: votes: expected a whole number, found nothing"},
      {"party,votes\nA,-3\n", "votes.csv:2: votes: expected a whole number, got the negative \"-3\""},
      {"party,votes\nA,99999999999999999999\n", "votes.csv:2: votes: the number \"99999999999999999999\" is too large"},
      {"party,votes\nA,1\nB,2\nA,3\n", "votes.csv:4: party: \"A\" appears twice (first on line 2)"},
      {"party,votes\n,1\n", "votes.csv:2: party: empty"},
      {"party,votes\nA\xFF,1\n", "votes.csv:2: party: not UTF-8 text, or holds a control character (save the file as UTF-8)"},
      {"party,votes\n\"A\nB\",1\n", "votes.csv:2: party: not UTF-8 text, or holds a control character (save the file as UTF-8)"},
      {"party,votes\n\"A,1\n", "votes.csv:2: a quoted field is never closed (missing \")"},
      {"party,votes\n\"A\"x,1\n", "votes.csv:2: text after a closing quote; expected a comma or the end of the line"},
      {"party,votes\nA\"B,1\n", "votes.csv:2: a quote inside an unquoted field; quote the whole field and double the quote (\"\")"},
      {"party,votes\nA,18446744073709551615\nB,1\n", "votes.csv:3: votes: the totals add up to more than 2^64 - 1"},
      {",votes\nA,1\n", "votes.csv:1: header: empty"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_of(c.text), c.message) << c.text;
}

TEST(PartyVotesCsv, MissingFileNamesThePath) {
  try {
    read_party_votes("/no/such/votes.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("/no/such/votes.csv")) << e.what();
  }
}

}  // namespace
}  // namespace veche
