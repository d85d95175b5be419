#include "concert/output/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "concert/core/error.h"

namespace concert {
namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& what) {
  throw InputError({path, 0, ""}, fmt::format("{}: {}", what, std::strerror(errno)));
}

void WriteAll(int fd, const std::string& bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) Fail(path, "could not write the output");
    done += static_cast<std::size_t>(n);
  }
}

std::string Directory(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

void CheckWritable(const std::string& path) {
  if (path.empty() || path == "-") return;
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      throw InputError({path, 0, ""}, "this is a directory; expected an output file path");
    }
    if (::access(path.c_str(), W_OK) != 0) Fail(path, "cannot write the output file");
    return;
  }
  const std::string dir = Directory(path);
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    Fail(path, fmt::format("cannot create the output file in '{}'", dir));
  }
}

void WriteFileAtomically(const std::string& path, const std::string& bytes) {
  // A symlink is followed: its target is what gets replaced.
  std::string target = path;
  if (char* resolved = ::realpath(path.c_str(), nullptr)) {
    target = resolved;
    std::free(resolved);
  } else {
    struct stat link {};
    char to[PATH_MAX];
    const ssize_t n = ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)
                          ? ::readlink(path.c_str(), to, sizeof to - 1)
                          : -1;
    if (n > 0) {  // a dangling symlink: create its target
      const std::string dest(to, static_cast<std::size_t>(n));
      target = dest[0] == '/' ? dest : Directory(path) + "/" + dest;
    }
  }
  struct stat info {};
  if (::stat(target.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    if (S_ISDIR(info.st_mode)) {
      throw InputError({path, 0, ""}, "this is a directory; expected an output file path");
    }
    // A device or FIFO (/dev/null, a named pipe) is written, never replaced.
    Fd out{::open(target.c_str(), O_WRONLY | O_CLOEXEC)};
    if (out.fd < 0) Fail(path, "cannot open the output for writing");
    WriteAll(out.fd, bytes, path);
    return;
  }
  const std::string dir = Directory(target);
  // An unnamed file in the target's directory, linked in only when complete:
  // a run killed at any moment (SIGKILL included) leaves nothing behind.
  Fd tmp{::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644)};
  std::string named;  // the fallback where O_TMPFILE is unsupported
  if (tmp.fd < 0) {
    named = target + ".tmp." + std::to_string(::getpid());
    tmp.fd = ::open(named.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (tmp.fd < 0) Fail(path, "cannot open the output file for writing");
  }
  try {
    WriteAll(tmp.fd, bytes, path);
    if (::fsync(tmp.fd) != 0) Fail(path, "could not write the output file (disk full?)");
    if (named.empty()) {
      // linkat cannot replace: link under a unique name, then rename over.
      const std::string proc = "/proc/self/fd/" + std::to_string(tmp.fd);
      named = target + ".tmp." + std::to_string(::getpid());
      ::unlink(named.c_str());
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, named.c_str(), AT_SYMLINK_FOLLOW) != 0) {
        Fail(path, "could not move the finished output into place");
      }
    }
    if (std::rename(named.c_str(), target.c_str()) != 0) {
      Fail(path, "could not move the finished output into place");
    }
  } catch (...) {
    if (!named.empty()) ::unlink(named.c_str());
    throw;
  }
}

}  // namespace concert
