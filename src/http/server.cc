#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <future>
#include <thread>
#include <vector>

#include "http/connection.h"
#include "http/server_context.h"

namespace ytl::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Server::Impl {
  Impl(ServerConfig config, Router router, std::shared_ptr<spdlog::logger> logger,
       AccessObserver observer)
      : context(std::make_shared<ServerContext>(
            std::move(config), std::move(router),
            logger ? std::move(logger) : spdlog::default_logger(), std::move(observer))) {}

  void Accept();
  void CloseAllStreams();
  bool OnIoThread() const {
    return std::find(thread_ids.begin(), thread_ids.end(), std::this_thread::get_id()) !=
           thread_ids.end();
  }

  std::shared_ptr<ServerContext> context;
  std::unique_ptr<net::io_context> ioc;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::unique_ptr<net::steady_timer> retry_timer;  // after accept errors such as EMFILE
  std::vector<std::thread> threads;
  std::vector<std::thread::id> thread_ids;
  std::atomic<int> port{0};
  bool started = false;
  bool stopped = false;
};

void Server::Impl::Accept() {
  acceptor->async_accept(
      net::make_strand(*ioc), [this](boost::system::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !acceptor->is_open()) return;
        if (ec) {
          context->logger->warn("http accept failed: {}; retrying in 100 ms", ec.message());
          retry_timer->expires_after(std::chrono::milliseconds(100));
          retry_timer->async_wait([this](boost::system::error_code timer_ec) {
            if (!timer_ec && acceptor->is_open()) Accept();
          });
          return;
        }
        auto connection = std::make_shared<Connection>(std::move(socket), context);
        {
          std::lock_guard<std::mutex> lock(context->mu);
          context->connections.emplace(connection.get(), connection);
        }
        connection->Start();
        Accept();
      });
}

void Server::Impl::CloseAllStreams() {
  std::vector<std::shared_ptr<EventStream>> streams;
  {
    std::lock_guard<std::mutex> lock(context->mu);
    for (const auto& weak : context->streams) {
      if (auto stream = weak.lock()) streams.push_back(std::move(stream));
    }
  }
  for (const auto& stream : streams) stream->MarkClosed();
}

Server::Server(ServerConfig config, Router router, std::shared_ptr<spdlog::logger> logger,
               AccessObserver observer)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(router), std::move(logger),
                                   std::move(observer))) {}

Server::~Server() { Stop(); }

Status Server::Start() {
  const ServerConfig& config = impl_->context->config;
  YTL_RETURN_IF_ERROR(config.Validate());
  if (impl_->started) return Status::Internal("http server started twice");
  boost::system::error_code ec;
  const auto address = net::ip::make_address(config.host, ec);
  if (ec) {
    return Status::InvalidInput("http host '" + config.host +
                                "' is not an IP address; use e.g. 0.0.0.0 or 127.0.0.1");
  }
  impl_->ioc = std::make_unique<net::io_context>(config.io_threads);
  impl_->acceptor = std::make_unique<tcp::acceptor>(net::make_strand(*impl_->ioc));
  impl_->retry_timer = std::make_unique<net::steady_timer>(impl_->acceptor->get_executor());
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(config.port));
  auto& acceptor = *impl_->acceptor;
  if (acceptor.open(endpoint.protocol(), ec) ||
      acceptor.set_option(net::socket_base::reuse_address(true), ec) ||
      acceptor.bind(endpoint, ec) ||
      acceptor.listen(net::socket_base::max_listen_connections, ec)) {
    return Status::Unavailable("cannot listen on " + config.host + ":" +
                               std::to_string(config.port) + ": " + ec.message() +
                               "; pick another port or stop the process using it");
  }
  impl_->port = acceptor.local_endpoint().port();
  impl_->started = true;
  impl_->work.emplace(impl_->ioc->get_executor());
  impl_->Accept();
  for (int i = 0; i < config.io_threads; ++i) {
    impl_->threads.emplace_back([ioc = impl_->ioc.get()] { ioc->run(); });
    impl_->thread_ids.push_back(impl_->threads.back().get_id());
  }
  impl_->context->logger->info("http server listening on {}:{}", config.host, impl_->port.load());
  return Status::Ok();
}

int Server::port() const { return impl_->port; }

void Server::StopAccepting() {
  if (!impl_->started || impl_->stopped) return;
  impl_->context->draining = true;
  auto done = std::make_shared<std::promise<void>>();
  auto future = done->get_future();
  net::post(impl_->acceptor->get_executor(), [impl = impl_.get(), done] {
    boost::system::error_code ec;
    impl->acceptor->close(ec);
    impl->retry_timer->cancel();
    done->set_value();
  });
  if (!impl_->OnIoThread()) future.wait();
}

void Server::Stop() {
  if (!impl_->started || impl_->stopped) return;
  StopAccepting();
  impl_->stopped = true;
  impl_->CloseAllStreams();
  std::vector<std::shared_ptr<Connection>> connections;
  {
    std::lock_guard<std::mutex> lock(impl_->context->mu);
    for (const auto& [key, weak] : impl_->context->connections) {
      if (auto connection = weak.lock()) connections.push_back(std::move(connection));
    }
  }
  for (const auto& connection : connections) connection->Abort();
  connections.clear();
  impl_->work.reset();
  impl_->ioc->stop();
  for (std::thread& thread : impl_->threads) thread.join();
  impl_->threads.clear();
  // Streams opened while stopping: close them before the io_context (which they post to) goes.
  impl_->CloseAllStreams();
  impl_->retry_timer.reset();
  impl_->acceptor.reset();
  impl_->ioc.reset();  // destroys pending handlers and with them the connections
}

int Server::idle_connections() const { return impl_->context->idle_connections.load(); }

std::size_t Server::open_connections() const {
  std::lock_guard<std::mutex> lock(impl_->context->mu);
  return impl_->context->connections.size();
}

}  // namespace ytl::http
