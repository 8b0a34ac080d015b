package io.leadpipeline.systemtests;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The benchmark's charts (JFreeChart, PNG), each drawn from the figures of one run. */
final class BenchCharts {

    static final String SPEED_OVER_TIME = "speed-to-lead-over-time.png";
    static final String LATENCY_CDF = "latency-cdf.png";
    static final String CAPTURE_THROUGHPUT = "capture-throughput.png";
    static final String BACKLOG_DRAIN = "backlog-drain.png";
    static final String DEEP_QUEUE = "deep-queue.png";

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;

    private BenchCharts() {
    }

    /** Writes every chart the results have figures for into {@code dir}; returns the file names written. */
    static List<String> write(Benchmark.Results results, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        if (!results.speed().isEmpty()) {
            XYSeriesCollection perSecond = new XYSeriesCollection();
            for (Benchmark.SpeedRun run : results.speed()) {
                XYSeries p50 = new XYSeries(run.ratePerSecond() + "/s p50");
                XYSeries p99 = new XYSeries(run.ratePerSecond() + "/s p99");
                for (BenchTimeline.Second second : run.timeline().seconds()) {
                    add(p50, second.second(), second.p50Millis());
                    add(p99, second.second(), second.p99Millis());
                }
                perSecond.addSeries(p50);
                perSecond.addSeries(p99);
            }
            save(dir, SPEED_OVER_TIME, lines("Speed-to-lead over time: capture's 202 to LeadHandedOff at a read_committed consumer",
                    "second of the run (by handoff arrival)", "latency (ms), per second", perSecond), written);
        }
        XYSeriesCollection cdf = new XYSeriesCollection();
        for (Benchmark.SpeedRun run : results.speed()) {
            cdf.addSeries(cdfSeries("speed-to-lead " + run.ratePerSecond() + "/s", run.timeline()));
        }
        for (Benchmark.HttpRun run : httpRuns(results)) {
            cdf.addSeries(cdfSeries(run.name(), run.timeline()));
        }
        if (cdf.getSeriesCount() > 0) {
            JFreeChart chart = lines("Latency distribution (CDF)", "latency (ms, log scale)", "percentile", cdf);
            LogarithmicAxis log = new LogarithmicAxis("latency (ms, log scale)");
            log.setAllowNegativesFlag(false);
            chart.getXYPlot().setDomainAxis(log);
            save(dir, LATENCY_CDF, chart, written);
        }
        XYSeriesCollection throughput = new XYSeriesCollection();
        for (Benchmark.HttpRun run : httpRuns(results)) {
            XYSeries series = new XYSeries(run.name());
            run.timeline().seconds().forEach(second -> series.add(second.second(), second.count()));
            throughput.addSeries(series);
        }
        if (throughput.getSeriesCount() > 0) {
            save(dir, CAPTURE_THROUGHPUT, lines("Capture throughput over time, " + results.settings().connections() + " connections",
                    "second of the run", "answers per second (202 for capture, 200 for the no-op endpoint)", throughput), written);
        }
        if (results.backlog() != null) {
            XYSeriesCollection drain = new XYSeriesCollection();
            for (Benchmark.TopicDrain topic : results.backlog().topics()) {
                XYSeries series = new XYSeries(topic.service() + " → " + topic.topic());
                List<Long> perSecond = topic.perSecondSeries();
                for (int i = 0; i < perSecond.size(); i++) {
                    series.add(i, perSecond.get(i));
                }
                drain.addSeries(series);
            }
            save(dir, BACKLOG_DRAIN, lines("Backlog drain: " + String.format("%,d", results.backlog().conversions())
                    + " preloaded conversions, services launched at 0 s", "seconds since launch", "records written per second", drain), written);
        }
        if (results.deepQueue() != null) {
            Benchmark.DeepQueue queue = results.deepQueue();
            XYSeriesCollection deep = new XYSeriesCollection();
            XYSeries processed = new XYSeries("decisions taken (cumulative)");
            XYSeries waiting = new XYSeries("leads waiting");
            for (double[] sample : queue.growth()) {
                processed.add(sample[0], sample[1]);
                waiting.add(sample[0], sample[2]);
            }
            deep.addSeries(processed);
            deep.addSeries(waiting);
            XYSeries drained = new XYSeries("handoffs per second while closers accept (x = seconds into the drain)");
            for (int i = 0; i < queue.handoffsPerSecondSeries().size(); i++) {
                drained.add(i, queue.handoffsPerSecondSeries().get(i));
            }
            deep.addSeries(drained);
            save(dir, DEEP_QUEUE, lines("Routing under a deep queue: " + String.format("%,d", queue.decisions()) + " SQL decisions, closers at capacity",
                    "seconds since the decisions were written", "leads", deep), written);
        }
        return written;
    }

    private static List<Benchmark.HttpRun> httpRuns(Benchmark.Results results) {
        List<Benchmark.HttpRun> runs = new ArrayList<>();
        for (Benchmark.HttpRun run : new Benchmark.HttpRun[] {results.noop(), results.captureAlone(), results.captureWithPipeline()}) {
            if (run != null) {
                runs.add(run);
            }
        }
        return runs;
    }

    private static XYSeries cdfSeries(String name, BenchTimeline timeline) {
        XYSeries series = new XYSeries(name, false, true);
        for (double[] point : timeline.cdf()) {
            add(series, Math.max(0.01, point[0]), point[1]);
        }
        return series;
    }

    private static void add(XYSeries series, double x, double y) {
        if (!Double.isNaN(y)) {
            series.add(x, y);
        }
    }

    private static JFreeChart lines(String title, String x, String y, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.6f));
        }
        return chart;
    }

    private static void save(Path dir, String file, JFreeChart chart, List<String> written) throws IOException {
        ChartUtils.saveChartAsPNG(dir.resolve(file).toFile(), chart, WIDTH, HEIGHT);
        written.add(file);
    }
}
