// A ballot file another process cuts short while veche has it mapped: one InputError naming
// the file, never a crash (SIGBUS) and never a count of the part that was left.
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <string>

#include "io_test_support.hpp"
#include "veche/io/read_mapped.hpp"

namespace veche {
namespace {

using test::input_error;
using test::TempFile;

// Enough ballots to fill many pages, so a cut can fall well inside the file.
std::string blt_of(std::size_t voters) {
  std::string text = "4 1\n";
  for (std::size_t v = 0; v < voters; ++v) text += std::to_string(1 + v % 3) + " 2 3 4 1 0\n";
  return text + "0\n\"Ann\"\n\"Bo\"\n\"Cy\"\n\"Di\"\n\"Title\"\n";
}

std::string csv_of(std::size_t voters) {
  std::string text = "rank1,rank2,rank3\n";
  for (std::size_t v = 0; v < voters; ++v) text += v % 2 ? "Ann,Bo,Cy\n" : "Cy,,Ann\n";
  return text;
}

std::string shrank(const TempFile& file) {
  return file.path() + ": the file shrank while it was being read";
}

// The file is opened and mapped, then cut to `size` bytes before it is read: deterministic,
// unlike a race with another process, and the same to the reader.
std::string blt_cut_to(std::size_t size) {
  TempFile file("ward.blt", blt_of(100'000));
  io::MappedFile mapped(file.path());
  EXPECT_EQ(::truncate(file.path().c_str(), static_cast<off_t>(size)), 0);
  std::string message = input_error([&] { io::read_blt(mapped, file.path(), {}); });
  EXPECT_EQ(message, shrank(file));
  return message;
}

TEST(ShrunkFile, BltCutAtAPageBoundaryIsRefusedNotACrash) {
  blt_cut_to(16 * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)));
}

TEST(ShrunkFile, BltCutInsideItsLastPageIsRefused) {
  // No fault here: the last page is still there, past the new end it reads as zeros.
  blt_cut_to(blt_of(100'000).size() - 30);
}

TEST(ShrunkFile, BltCutToNothingIsRefused) {
  blt_cut_to(0);
}

TEST(ShrunkFile, BltCutAtALineEndIsRefusedNotCountedInPart) {
  // What is left ends with whole ballots: read as it is now, it would be half a count.
  const std::string text = blt_of(100'000);
  blt_cut_to(text.find('\n', text.size() / 2) + 1);
}

TEST(ShrunkFile, CsvCutAtALineEndIsRefusedNotCountedInPart) {
  const std::string text = csv_of(100'000);
  TempFile file("cvr.csv", text);
  io::MappedFile mapped(file.path());
  ASSERT_EQ(::truncate(file.path().c_str(), static_cast<off_t>(text.find('\n', 40'000) + 1)), 0);
  EXPECT_EQ(input_error([&] { io::read_csv_ranked(mapped, file.path(), {}, {}); }), shrank(file));
}

TEST(ShrunkFile, CsvCutInsideItsLastPageIsRefused) {
  const std::string text = csv_of(100'000);
  TempFile file("cvr.csv", text);
  io::MappedFile mapped(file.path());
  ASSERT_EQ(::truncate(file.path().c_str(), static_cast<off_t>(text.size() - 7)), 0);
  EXPECT_EQ(input_error([&] { io::read_csv_ranked(mapped, file.path(), {}, {}); }), shrank(file));
}

TEST(ShrunkFile, AFileLeftAloneReadsAsBefore) {
  const std::string text = blt_of(1'000);
  TempFile file("ward.blt", text);
  io::MappedFile mapped(file.path());
  Profile profile = io::read_blt(mapped, file.path(), {});
  EXPECT_EQ(profile.total_weight(), parse_blt(text, file.path(), {}).total_weight());
  EXPECT_EQ(profile.title, "Title");
}

TEST(ShrunkFile, ABusErrorOutsideABallotFileStillEndsTheProcess) {
  // The handler mends faults in ballot files only: any other is as fatal as it was.
  TempFile file("other.bin", std::string(1 << 16, 'x'));
  TempFile ballots("ward.blt", blt_of(10));
  EXPECT_EXIT(
      {
        io::MappedFile watched(ballots.path());  // installs the handler
        const int fd = ::open(file.path().c_str(), O_RDONLY);
        auto* bytes = static_cast<const volatile char*>(
            ::mmap(nullptr, 1 << 16, PROT_READ, MAP_PRIVATE, fd, 0));
        if (::truncate(file.path().c_str(), 0) != 0) ::_exit(3);
        ::_exit(bytes[1 << 15]);  // past the end of the file: SIGBUS
      },
      testing::KilledBySignal(SIGBUS), "");
}

}  // namespace
}  // namespace veche
