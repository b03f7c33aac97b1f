#pragma once
// One desktop window per user (issue #7). The first `fleetdeck` takes a lock file and listens on a
// local socket, both in the user's runtime directory; a later launch finds the lock taken, sends its
// arguments over the socket and should exit 0, and the first emits activationRequested(arguments)
// (raise the window). A lock left by a crashed process is recovered: QLockFile sees that its PID is
// gone. The caller decides who uses it: `--headless`, `--demo` and tests do not.
//
//   SingleInstance instance(SingleInstance::defaultKey());
//   switch (instance.start(app.arguments())) {
//   case SingleInstance::Role::Secondary: return 0;               // the first window was told
//   case SingleInstance::Role::Failed: qWarning() << instance.errorString(); break;  // run anyway
//   case SingleInstance::Role::Primary: break;
//   }
//   connect(&instance, &SingleInstance::activationRequested, &window, ...);
//
// Qt Core and Network only: no Widgets.
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QLockFile;

namespace fleetdeck {

class SingleInstance final : public QObject {
    Q_OBJECT
public:
    enum class Role {
        None,      // start() not called yet
        Primary,   // this process holds the lock and receives activations
        Secondary, // another process holds it and received our arguments: exit 0
        Failed,    // neither (see errorString()); the caller may run without single-instance
    };

    // key names the lock and the socket (a plain file name); directory defaults to runtimeDirectory().
    explicit SingleInstance(const QString &key, const QString &directory = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Takes the lock and listens, or hands `arguments` to the holder. A secondary waits at most
    // timeoutMs for the primary's socket (it may be between taking the lock and listening).
    Role start(const QStringList &arguments, int timeoutMs = 3000);

    Role role() const { return m_role; }
    bool isPrimary() const { return m_role == Role::Primary; }
    QString errorString() const { return m_error; }
    QString lockFilePath() const;
    QString serverName() const;

    // "org.fleetdeck.Fleetdeck": one window per user and machine.
    static QString defaultKey();
    // The per-user runtime directory ($XDG_RUNTIME_DIR on Linux), else the temporary directory.
    static QString runtimeDirectory();

Q_SIGNALS:
    // On the primary: a later launch sent its arguments (its argv, program name first).
    void activationRequested(const QStringList &arguments);

private:
    bool listen();
    bool sendToPrimary(const QStringList &arguments, int timeoutMs);
    void onNewConnection();
    void readMessage(QLocalSocket *socket);

    QString m_key;
    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    Role m_role = Role::None;
    QString m_error;
};

} // namespace fleetdeck
