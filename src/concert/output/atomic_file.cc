#include "concert/output/atomic_file.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "concert/core/error.h"

namespace concert {

void WriteFileAtomically(const std::string& path, const std::string& bytes) {
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError({path, 0, ""}, "cannot open the output file for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      throw InputError({path, 0, ""}, "could not write the output file (disk full?)");
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    throw InputError({path, 0, ""}, "could not move the finished output into place");
  }
}

}  // namespace concert
