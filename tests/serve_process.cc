#include "tests/serve_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace ytl::testing {

ServeProcess::ServeProcess(std::string binary, std::string data_dir, std::vector<std::string> args,
                           std::string log_path)
    : ServeProcess(
          std::move(binary),
          [&] {
            ServeLaunch launch{{"serve", "--listen", "127.0.0.1:0", "--data-dir", data_dir}, {}};
            launch.args.insert(launch.args.end(), args.begin(), args.end());
            return launch;
          }(),
          std::move(log_path)) {}

ServeProcess::ServeProcess(std::string binary, ServeLaunch launch, std::string log_path)
    : log_path_(std::move(log_path)) {
  std::vector<std::string> argv = {binary};
  argv.insert(argv.end(), launch.args.begin(), launch.args.end());
  const std::size_t log_start = Log().size();
  pid_ = fork();
  if (pid_ == 0) {
    const int fd = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    for (const auto& [name, value] : launch.env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> raw;
    for (std::string& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  const std::string marker = "listening on ";
  for (int i = 0; i < 600 && port_ == 0; ++i) {
    const std::string log = Log();
    const auto at = log.find(marker, log_start);
    const auto end = at == std::string::npos ? at : log.find('"', at);
    const auto colon = end == std::string::npos ? end : log.rfind(':', end);
    if (colon != std::string::npos && colon > at) {
      port_ = std::atoi(log.c_str() + colon + 1);
      break;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Stop(SIGKILL, 10);
}

int ServeProcess::Stop(int signal_number, double timeout_s) {
  const int code = StopChildProcess(pid_, signal_number, timeout_s);
  port_ = 0;  // after: the server answers while it drains
  return code;
}

std::string ServeProcess::Log() const { return FileText(log_path_); }

http::testing::ClientResponse ServeProcess::Call(const std::string& method,
                                                 const std::string& target, const std::string& body,
                                                 const http::testing::Headers& headers) const {
  return http::testing::Fetch(port_, method, target, headers, body);
}

http::testing::ClientResponse ServeProcess::PostJson(const std::string& target,
                                                     const std::string& json,
                                                     const http::testing::Headers& headers) const {
  http::testing::Headers all = headers;
  all.emplace_back("Content-Type", "application/json");
  return Call("POST", target, json, all);
}

std::string MultipartBody(const std::vector<FormPart>& parts) {
  std::string body;
  for (const FormPart& part : parts) {
    body += "--ytlboundary\r\nContent-Disposition: form-data; name=\"" + part.name + "\"";
    if (!part.filename.empty()) body += "; filename=\"" + part.filename + "\"";
    body += "\r\n";
    if (!part.filename.empty()) body += "Content-Type: application/octet-stream\r\n";
    body += "\r\n" + part.data + "\r\n";
  }
  return body + "--ytlboundary--\r\n";
}

int StopChildProcess(pid_t& pid, int signal_number, double timeout_s) {
  if (pid <= 0) return -1;
  kill(pid, SIGCONT);
  kill(pid, signal_number);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) != pid) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      pid = -1;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  pid = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::string FileText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ytl::testing
