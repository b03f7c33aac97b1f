#include "termination_signals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace fleetdeck {
namespace {

int g_pipe[2] = {-1, -1};

// Async-signal-safe: only writes one byte; the event loop reads it (self-pipe).
void handler(int signo)
{
    const int saved = errno;
    const char c = static_cast<char>(signo);
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &c, 1);
    errno = saved;
}

} // namespace

bool installTerminationSignals(QObject *context, std::function<void(int)> onSignal)
{
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction sa {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (::sigaction(SIGTERM, &sa, nullptr) != 0 || ::sigaction(SIGINT, &sa, nullptr) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onSignal = std::move(onSignal)]() {
        char c = 0;
        while (::read(g_pipe[0], &c, 1) == 1)
            onSignal(static_cast<int>(c));
    });
    return true;
}

} // namespace fleetdeck
