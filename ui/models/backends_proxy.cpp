#include "models/backends_proxy.h"

#include "models/backends_model.h"

namespace fleetdeck::ui {

BackendsProxy::BackendsProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(BackendsModel::NameRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
}

void BackendsProxy::changed()
{
    invalidateFilter();
}

void BackendsProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    changed();
}

void BackendsProxy::setTag(const QString &tag)
{
    m_tag = tag;
    changed();
}

void BackendsProxy::setInstalled(Installed which)
{
    m_installed = which;
    changed();
}

void BackendsProxy::setUpdatesOnly(bool on)
{
    m_updatesOnly = on;
    changed();
}

void BackendsProxy::setShowDevelopment(bool on)
{
    m_showDevelopment = on;
    changed();
}

bool BackendsProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto row = idx.data(BackendsModel::RowRole).value<BackendRow>();
    if (!m_showDevelopment && row.entry.isDevelopment())
        return false;
    if (m_updatesOnly && !row.updateAvailable)
        return false;
    if (m_installed == Installed::Installed && !row.installed)
        return false;
    if (m_installed == Installed::NotInstalled && row.installed)
        return false;
    if (!m_tag.isEmpty() && !row.entry.tags.contains(m_tag))
        return false;
    if (m_text.isEmpty())
        return true;
    if (row.entry.name.contains(m_text, Qt::CaseInsensitive) || row.entry.description.contains(m_text, Qt::CaseInsensitive))
        return true;
    for (const QString &t : row.entry.tags)
        if (t.contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace fleetdeck::ui
