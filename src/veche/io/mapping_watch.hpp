#pragma once
// Ballot files another process cuts short while veche has them mapped (internal to io/).
//
// Reading a page of a mapping that lies past the end of its file raises SIGBUS, which
// ends the process. For a watched mapping a handler maps zero pages over the rest of it
// instead, so the reader runs on to its end without a fault, and marks the watch: the
// caller then refuses what was read (MappedFile::read). The handler only runs on such a
// fault, so reading costs nothing more.
#include <cstddef>

namespace veche::io {

inline constexpr int kNoWatch = -1;

// Starts watching [begin, begin + size); kNoWatch when every watch is taken (the caller
// then reads the file instead of mapping it). Installs the handler the first time.
int watch_mapping(const void* begin, std::size_t size);

// Whether the watched mapping was read past the end of its file.
bool mapping_cut_short(int watch);

// Before the mapping is unmapped.
void end_watch(int watch);

}  // namespace veche::io
