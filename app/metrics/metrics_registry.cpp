#include "metrics/metrics_registry.h"

#include <QtGlobal>
#include <cmath>

namespace fleetdeck::metrics {

QByteArray formatValue(double v)
{
    if (std::isnan(v))
        return QByteArrayLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QByteArray::number(qint64(v));
    return QByteArray::number(v, 'g', 15);
}

QByteArray escapeLabelValue(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

namespace {

QByteArray escapeHelp(const QString &help)
{
    QByteArray out;
    for (const char c : help.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

const char *typeName(Family::Type t)
{
    switch (t) {
    case Family::Type::Counter: return "counter";
    case Family::Type::Gauge: return "gauge";
    case Family::Type::Histogram: return "histogram";
    }
    return "untyped";
}

} // namespace

Family::Family(Type type, QString name, QString help, QStringList labelNames)
    : m_type(type), m_name(std::move(name)), m_help(std::move(help)), m_labelNames(std::move(labelNames))
{
}

void Family::render(QByteArray &out) const
{
    const QList<QStringList> sets = labelSets();
    if (sets.isEmpty())
        return;
    out += "# HELP " + m_name.toUtf8() + ' ' + escapeHelp(m_help) + '\n';
    out += "# TYPE " + m_name.toUtf8() + ' ' + typeName(m_type) + '\n';
    for (const QStringList &set : sets)
        renderSamples(out, set);
}

QByteArray Family::labels(const QStringList &values, const QString &extraName, const QString &extraValue) const
{
    QByteArray out;
    for (qsizetype i = 0; i < m_labelNames.size(); ++i) {
        out += out.isEmpty() ? "{" : ",";
        out += m_labelNames.at(i).toUtf8() + "=\"" + escapeLabelValue(values.value(i)) + '"';
    }
    if (!extraName.isEmpty()) {
        out += out.isEmpty() ? "{" : ",";
        out += extraName.toUtf8() + "=\"" + escapeLabelValue(extraValue) + '"';
    }
    if (!out.isEmpty())
        out += '}';
    return out;
}

void Family::checkLabels(const QStringList &values) const
{
    Q_ASSERT_X(values.size() == m_labelNames.size(), "metrics::Family", "wrong number of label values");
    Q_UNUSED(values);
}

void ValueFamily::touch(const QStringList &labelValues)
{
    checkLabels(labelValues);
    if (!m_values.contains(labelValues))
        m_values.insert(labelValues, 0);
}

void ValueFamily::renderSamples(QByteArray &out, const QStringList &labelValues) const
{
    out += name().toUtf8() + labels(labelValues) + ' ' + formatValue(m_values.value(labelValues)) + '\n';
}

Counter::Counter(QString name, QString help, QStringList labelNames)
    : ValueFamily(Type::Counter, std::move(name), std::move(help), std::move(labelNames))
{
}

void Counter::inc(const QStringList &labelValues, double by)
{
    checkLabels(labelValues);
    m_values[labelValues] += qMax(0.0, by);
}

void Counter::setTotal(const QStringList &labelValues, double total)
{
    checkLabels(labelValues);
    double &v = m_values[labelValues];
    v = qMax(v, total); // a counter never goes down
}

Gauge::Gauge(QString name, QString help, QStringList labelNames)
    : ValueFamily(Type::Gauge, std::move(name), std::move(help), std::move(labelNames))
{
}

void Gauge::set(const QStringList &labelValues, double value)
{
    checkLabels(labelValues);
    m_values[labelValues] = value;
}

Histogram::Histogram(QString name, QString help, QList<double> bounds, QStringList labelNames)
    : Family(Type::Histogram, std::move(name), std::move(help), std::move(labelNames)), m_bounds(std::move(bounds))
{
}

void Histogram::touch(const QStringList &labelValues)
{
    checkLabels(labelValues);
    if (!m_series.contains(labelValues))
        m_series.insert(labelValues, Series{std::vector<quint64>(size_t(m_bounds.size()), 0), 0, 0});
}

void Histogram::observe(const QStringList &labelValues, double value)
{
    touch(labelValues);
    Series &s = m_series[labelValues];
    for (qsizetype i = 0; i < m_bounds.size(); ++i) {
        if (value <= m_bounds.at(i)) {
            ++s.buckets[size_t(i)];
            break;
        }
    }
    ++s.count;
    s.sum += value;
}

quint64 Histogram::count(const QStringList &labelValues) const
{
    return m_series.value(labelValues).count;
}

void Histogram::renderSamples(QByteArray &out, const QStringList &labelValues) const
{
    const Series s = m_series.value(labelValues);
    const QByteArray base = name().toUtf8();
    quint64 cumulative = 0;
    for (qsizetype i = 0; i < m_bounds.size(); ++i) {
        cumulative += s.buckets.at(size_t(i));
        out += base + "_bucket" + labels(labelValues, QStringLiteral("le"), QString::fromLatin1(formatValue(m_bounds.at(i))))
               + ' ' + QByteArray::number(cumulative) + '\n';
    }
    out += base + "_bucket" + labels(labelValues, QStringLiteral("le"), QStringLiteral("+Inf")) + ' '
           + QByteArray::number(s.count) + '\n';
    out += base + "_sum" + labels(labelValues) + ' ' + formatValue(s.sum) + '\n';
    out += base + "_count" + labels(labelValues) + ' ' + QByteArray::number(s.count) + '\n';
}

Counter *Registry::counter(const QString &name, const QString &help, const QStringList &labelNames)
{
    auto c = std::make_unique<Counter>(name, help, labelNames);
    Counter *p = c.get();
    if (labelNames.isEmpty())
        p->touch();
    m_families.push_back(std::move(c));
    return p;
}

Gauge *Registry::gauge(const QString &name, const QString &help, const QStringList &labelNames)
{
    auto g = std::make_unique<Gauge>(name, help, labelNames);
    Gauge *p = g.get();
    m_families.push_back(std::move(g));
    return p;
}

Histogram *Registry::histogram(const QString &name, const QString &help, const QList<double> &bounds,
                               const QStringList &labelNames)
{
    auto h = std::make_unique<Histogram>(name, help, bounds, labelNames);
    Histogram *p = h.get();
    if (labelNames.isEmpty())
        p->touch();
    m_families.push_back(std::move(h));
    return p;
}

QByteArray Registry::render() const
{
    QByteArray out;
    for (const auto &f : m_families)
        f->render(out);
    return out;
}

} // namespace fleetdeck::metrics
