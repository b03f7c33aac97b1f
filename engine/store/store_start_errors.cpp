#include "store/store_start_errors.h"

namespace fleetdeck {

bool isFinalStoreError(const QString &error)
{
    // QPSQL reports no SQLSTATE for a failed connection (only libpq's message), so the messages
    // are matched: libpq's and the server's (English, as both are unless lc_messages says
    // otherwise), and store_schema.cpp's own for a newer schema and a held migration lock.
    static const char *const kFinal[] = {
        "authentication failed",        // password, md5, SCRAM, ident, peer, cert
        "no password supplied",         // fe_sendauth: the server asks for a password we lack
        "no pg_hba.conf entry",         // the server admits no such user/host/database
        "is newer than this build supports",
        "migration lock held",
    };
    for (const char *text : kFinal)
        if (error.contains(QLatin1String(text), Qt::CaseInsensitive))
            return true;
    // FATAL:  role "nobody" does not exist
    static const QLatin1String role("role \"");
    const qsizetype at = error.indexOf(role, 0, Qt::CaseInsensitive);
    return at >= 0 && error.indexOf(QLatin1String("\" does not exist"), at + role.size()) > at;
}

} // namespace fleetdeck
