#include "core/id_source.h"

#include <QRandomGenerator>
#include <QUuid>

namespace fleetdeck::ids {
namespace {
Source *g_source = nullptr;
}

QString newUuid()
{
    return g_source ? g_source->uuid() : QUuid::createUuid().toString(QUuid::WithoutBraces);
}

quint32 random32()
{
    return g_source ? g_source->random32() : QRandomGenerator::global()->generate();
}

void install(Source *source)
{
    g_source = source;
}

} // namespace fleetdeck::ids
