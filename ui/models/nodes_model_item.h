#pragma once
// The row behind each top-level index of NodesModel (private to nodes_model*.cpp).
#include "models/nodes_model.h"

namespace fleetdeck::ui {

struct NodesModel::Item {
    Node node;
    int row = 0;
    ListState listState = ListState::NotListed;
    QList<wire::ListedBackend> backends;
    QString listError;
    bool hideChildren = false; // between a removal and an insertion of all child rows
};

} // namespace fleetdeck::ui
