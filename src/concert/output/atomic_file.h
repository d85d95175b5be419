// concert/output/atomic_file.h — write a whole file or nothing.
// The bytes go to a temporary file beside the target, which is then renamed
// over it, so a failed or interrupted run never leaves a partial output file.
#pragma once

#include <string>

namespace concert {

// Throws InputError naming the path when the file cannot be written.
void WriteFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace concert
