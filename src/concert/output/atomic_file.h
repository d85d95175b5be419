// concert/output/atomic_file.h — write a whole file or nothing.
// The bytes go to an unnamed temporary file (O_TMPFILE) in the target's
// directory, which is linked and renamed over the target once complete, so a
// failed or killed run leaves neither a partial output nor a stray temporary
// file. A symlink's target is replaced; a device or FIFO (/dev/null) is
// written directly and never replaced.
#pragma once

#include <string>

namespace concert {

// Throws InputError naming the path when the file cannot be written.
void WriteFileAtomically(const std::string& path, const std::string& bytes);

// Throws InputError when `path` could not be written (a directory, no write
// permission, a missing folder), so a front end can refuse before computing.
// "" and "-" (stdout) pass.
void CheckWritable(const std::string& path);

}  // namespace concert
