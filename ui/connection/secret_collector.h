#pragma once
// Gathers a profile's secrets for connecting or testing (typed ones first, else the vault's), and
// brings back the 0600 runtime files of the active profile after a reboot emptied the runtime
// directory: the INI still names them, the keychain still holds the secrets.
//
//   // gui_main, before ConfigLoader::load(): a missing runtime file is rewritten from the keychain;
//   // on failure open ProfilesDialog so that the admin types the secret again.
//   SecretCollector::restoreActive(iniPath, vault, receiver, [](Status s) { … });
#include "core/result.h"
#include "connection/profile_store.h"

#include <functional>

class QObject;

namespace fleetdeck::ui {

class SecretVault;

class SecretCollector final {
public:
    // `done(secrets, missing)` on the GUI thread; `missing` names the required secrets found neither
    // typed nor in the vault nor as a file the profile names ("NATS token"), empty when complete.
    static void collect(SecretVault *vault, const ProfileRecord &profile, const ProfileSecrets &typed, QObject *receiver,
                        std::function<void(ProfileSecrets, QString missing)> done);

    // When a secret file the INI's process keys name is missing and lives in the runtime secrets
    // directory, re-activates the active profile with the vault's secrets. Ok when nothing was
    // missing or everything was restored; else an error naming what to enter.
    static void restoreActive(const QString &iniPath, SecretVault *vault, QObject *receiver, std::function<void(Status)> done);

    // The vault's names of a profile's secrets.
    static const QString kStorePassword; // "store_password"
    static const QString kNatsPassword;  // "nats_password"
    static const QString kNatsToken;     // "nats_token"
};

} // namespace fleetdeck::ui
