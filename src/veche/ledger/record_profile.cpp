#include "veche/ledger/record_profile.hpp"

#include <fmt/format.h>
#include <sys/mman.h>

#include <cstdint>
#include <functional>

#include "veche/core/error.hpp"
#include "veche/ledger/record_files.hpp"

namespace veche {

bool rule_rejects(const Manifest& manifest, std::string_view rule) {
  const std::string* remedy = rule == "skipped_rank"   ? &manifest.skipped_rank
                              : rule == "repeated"     ? &manifest.repeated
                              : rule == "unknown_name" ? &manifest.unknown_name
                                                       : nullptr;
  return remedy && *remedy == "reject";
}

namespace {
// Large tables on huge pages where the system allows it: a random probe of a table of
// hundreds of megabytes otherwise misses the TLB as well as the cache.
template <class T>
void prefer_huge_pages(std::vector<T>& table) {
  constexpr std::uintptr_t kHuge = 2 << 20;
  auto begin = reinterpret_cast<std::uintptr_t>(table.data());
  auto end = begin + table.capacity() * sizeof(T);
  begin = (begin + kHuge - 1) & ~(kHuge - 1);
  if (end > begin + kHuge) {
    ::madvise(reinterpret_cast<void*>(begin), (end - begin) & ~(kHuge - 1), MADV_HUGEPAGE);
  }
}
}  // namespace

void DistinctLines::expect(std::uint64_t lines) {
  entries_.reserve(static_cast<std::size_t>(lines));
  prefer_huge_pages(entries_);
}

void DistinctLines::grow() {
  std::size_t size = slots_.empty() ? 1024 : 2 * slots_.size();
  std::vector<std::uint64_t>().swap(slots_);
  slots_.reserve(size);
  prefer_huge_pages(slots_);
  slots_.assign(size, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    std::size_t at = entries_[i].key & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = (entries_[i].key & ~0xFFFF'FFFFull) | (i + 1);
  }
}

void DistinctLines::add(std::uint64_t number, std::string_view line, std::uint64_t key) {
  if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  settle();
  pending_ = Entry{line, key, 1, number};
}

void DistinctLines::settle() {
  if (!pending_) return;
  place(*pending_);
  pending_.reset();
}

void DistinctLines::place(const Entry& line) {
  if (2 * (entries_.size() + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = line.key & ~0xFFFF'FFFFull;
  for (std::size_t at = line.key & mask;; at = (at + 1) & mask) {
    const std::uint64_t slot = slots_[at];
    if (slot == 0) {
      if (entries_.size() >= 0xFFFF'FFFEu) throw UsageError("more than 2^32 - 2 distinct ballots");
      entries_.push_back(line);
      slots_[at] = tag | entries_.size();
      return;
    }
    if ((slot & ~0xFFFF'FFFFull) != tag) continue;
    Entry& entry = entries_[(slot & 0xFFFF'FFFFu) - 1];
    if (entry.key == line.key && entry.line == line.line) {
      ++entry.weight;
      return;
    }
  }
}

Profile DistinctLines::profile(const Manifest& manifest, const std::string& file,
                               std::uint64_t& bad_line, std::string& why) {
  settle();
  BallotLines reader(manifest.candidates);
  // The manifest's rules decide, as when a ballot file is read: a ballot is kept as cast
  // and a rule that sets it aside does so again at every recount.
  ProfileBuilder builder(manifest.candidates, ballot_rules(manifest));
  bad_line = 0;
  auto refuse = [&](std::uint64_t line, std::string text) {
    bad_line = line;
    why = std::move(text);
    throw InputError(file, line, "", why);
  };
  std::vector<std::vector<CandidateId>> ranks;
  std::size_t used = 0;
  for (const Entry& entry : entries_) {
    if (BallotLines::is_rejected_line(entry.line)) {
      auto rules = BallotLines::read_rejected(entry.line, why);
      if (!rules) refuse(entry.first, why);
      for (const auto& rule : *rules) {
        if (!rule_rejects(manifest, rule)) {
          refuse(entry.first, fmt::format("set aside by \"{}\", but that is no rule of "
                                          "manifest.json whose remedy is reject",
                                          rule));
        }
      }
      builder.profile().rejected += entry.weight;
      continue;
    }
    if (!reader.read_canonical(entry.line, ranks, used)) {
      auto read = reader.read(entry.line, why);  // says why it is not
      if (!read) refuse(entry.first, why);
      ranks = std::move(*read);
      used = ranks.size();
    }
    try {
      builder.add(std::span<const std::vector<CandidateId>>(ranks.data(), used), entry.weight);
    } catch (const UsageError& e) {
      refuse(entry.first, fmt::format("{}, and manifest.json's rule for it is error", e.what()));
    }
  }
  Profile profile = std::move(builder).finish();
  profile.title = manifest.election;
  profile.seats = manifest.seats;
  return profile;
}

Profile profile_of_lines(std::string_view complete, std::uint64_t size, const Manifest& manifest,
                         const std::string& file, std::uint64_t& bad_line, std::string& why) {
  DistinctLines distinct;
  std::hash<std::string_view> key;
  for_each_line(complete, [&](std::uint64_t n, std::string_view line) {
    if (n > size) return false;
    distinct.add(n, line, key(line));
    return true;
  });
  return distinct.profile(manifest, file, bad_line, why);
}

Profile record_profile(const fs::path& record, const Manifest& manifest) {
  HeadsFile heads = read_heads(record / kHeads);
  std::optional<std::uint64_t> size;
  for (const auto& line : heads.lines) {
    if (line.head && line.head->log == "ballots") size = line.head->size;
  }
  if (!size) throw UsageError(fmt::format("{}: no ballots head", (record / kHeads).string()));
  std::uint64_t bad_line = 0;
  std::string why;
  return MappedFile(record / kBallots).read([&](std::string_view text) {
    return profile_of_lines(split_torn(text).complete, *size, manifest,
                            (record / kBallots).string(), bad_line, why);
  });
}

}  // namespace veche
