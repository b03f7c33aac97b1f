#pragma once
// A NodeEvents that records what it is told (fan-out and listing tests).
#include "cluster/node_events.h"

#include <QStringList>

namespace fleetdeck::test {

class RecordingNodeEvents final : public NodeEvents {
public:
    void noResponders(const QString &nodeId, const QString &subject) override { noResponse.append(nodeId + QLatin1Char(' ') + subject); }
    void answered(const QString &nodeId) override { answers.append(nodeId); }
    QStringList noResponse; // "<node id> <subject>"
    QStringList answers;
};

} // namespace fleetdeck::test
