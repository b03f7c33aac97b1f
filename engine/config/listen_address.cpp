#include "config/listen_address.h"

namespace fleetdeck {

QString ListenAddress::toString() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

namespace {

Result<quint16> parsePort(const QString &text, const QString &whole)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || text.isEmpty() || !text.at(0).isDigit())
        return Result<quint16>::failure(QStringLiteral("expected PORT, ADDRESS:PORT or [IPV6]:PORT, got \"") + whole
                                        + QLatin1Char('"'));
    if (port > 65535)
        return Result<quint16>::failure(QStringLiteral("port ") + text + QStringLiteral(" is out of range (0-65535) in \"")
                                        + whole + QLatin1Char('"'));
    return quint16(port);
}

} // namespace

Result<ListenAddress> parseListenAddress(const QString &textIn)
{
    using R = Result<ListenAddress>;
    const QString text = textIn.trimmed();
    QString host;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return R::failure(QStringLiteral("expected [IPV6]:PORT, got \"") + text + QLatin1Char('"'));
        host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else if (const qsizetype colon = text.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return R::failure(QStringLiteral("an IPv6 address needs brackets, [ADDRESS]:PORT, got \"") + text + QLatin1Char('"'));
    } else {
        host = QStringLiteral("127.0.0.1"); // a bare port: loopback only
        portText = text;
    }
    const Result<quint16> port = parsePort(portText, text);
    if (!port)
        return R::failure(port.error());
    ListenAddress out;
    out.port = port.value();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        host = QStringLiteral("127.0.0.1");
    if (host.isEmpty() || !out.address.setAddress(host))
        return R::failure(QStringLiteral("\"") + host + QStringLiteral("\" is not an IP address (in \"") + text
                          + QStringLiteral("\"; use PORT for loopback, 0.0.0.0:PORT for every interface)"));
    return out;
}

} // namespace fleetdeck
