#pragma once
// A small registry of Prometheus metrics and their text exposition (format 0.0.4): counters, gauges
// and histograms, each a family with fixed label names, rendered with HELP and TYPE lines in the
// order they were registered. QtCore only; single-threaded (the owner's thread). docs/metrics.md
// lists what fleetdeck --headless and fleetdeck-worker export with it.
//
//   Registry r;
//   Counter *done = r.counter("fleetdeck_worker_jobs_total", "Jobs finished.", {"kind", "outcome"});
//   done->inc({"install", "success"});
//   QByteArray text = r.render();
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace fleetdeck::metrics {

class Family {
public:
    enum class Type { Counter, Gauge, Histogram };
    Family(Type type, QString name, QString help, QStringList labelNames);
    virtual ~Family() = default;

    Type type() const { return m_type; }
    const QString &name() const { return m_name; }
    // Appends HELP, TYPE and the samples; nothing when the family has no sample.
    void render(QByteArray &out) const;

protected:
    // `name{labels} value` lines of one label set.
    virtual void renderSamples(QByteArray &out, const QStringList &labelValues) const = 0;
    virtual QList<QStringList> labelSets() const = 0;
    QByteArray labels(const QStringList &values, const QString &extraName = {}, const QString &extraValue = {}) const;
    void checkLabels(const QStringList &values) const;

private:
    Type m_type;
    QString m_name;
    QString m_help;
    QStringList m_labelNames;
};

// A value per label set: Counter and Gauge.
class ValueFamily : public Family {
public:
    using Family::Family;
    double value(const QStringList &labelValues = {}) const { return m_values.value(labelValues, 0); }
    // Makes the label set appear with 0 before its first change.
    void touch(const QStringList &labelValues = {});

protected:
    void renderSamples(QByteArray &out, const QStringList &labelValues) const override;
    QList<QStringList> labelSets() const override { return m_values.keys(); }
    QMap<QStringList, double> m_values;
};

class Counter final : public ValueFamily {
public:
    Counter(QString name, QString help, QStringList labelNames);
    void inc(const QStringList &labelValues = {}, double by = 1);
    // Mirrors a monotonic total kept elsewhere (e.g. bytes counted by worker threads).
    void setTotal(const QStringList &labelValues, double total);
};

class Gauge final : public ValueFamily {
public:
    Gauge(QString name, QString help, QStringList labelNames);
    void set(const QStringList &labelValues, double value);
    void set(double value) { set({}, value); }
    // Drops every label set (a figure this process no longer reports).
    void clear() { m_values.clear(); }
};

class Histogram final : public Family {
public:
    // `bounds`: the upper bounds of the buckets, ascending; +Inf is added.
    Histogram(QString name, QString help, QList<double> bounds, QStringList labelNames);
    void observe(const QStringList &labelValues, double value);
    void observe(double value) { observe({}, value); }
    void touch(const QStringList &labelValues = {});
    quint64 count(const QStringList &labelValues = {}) const;

protected:
    void renderSamples(QByteArray &out, const QStringList &labelValues) const override;
    QList<QStringList> labelSets() const override { return m_series.keys(); }

private:
    struct Series {
        std::vector<quint64> buckets; // per bound, not cumulative
        quint64 count = 0;
        double sum = 0;
    };
    QList<double> m_bounds;
    QMap<QStringList, Series> m_series;
};

class Registry final {
public:
    Counter *counter(const QString &name, const QString &help, const QStringList &labelNames = {});
    Gauge *gauge(const QString &name, const QString &help, const QStringList &labelNames = {});
    Histogram *histogram(const QString &name, const QString &help, const QList<double> &bounds,
                         const QStringList &labelNames = {});
    QByteArray render() const;

    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

private:
    std::vector<std::unique_ptr<Family>> m_families;
};

// 3 → "3", 0.25 → "0.25", infinities → "+Inf"/"-Inf", NaN → "NaN" (Prometheus spellings).
QByteArray formatValue(double v);
// Escapes \, " and newlines as the exposition format wants in label values.
QByteArray escapeLabelValue(const QString &value);

} // namespace fleetdeck::metrics
