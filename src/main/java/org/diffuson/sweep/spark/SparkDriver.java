package org.diffuson.sweep.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.diffuson.sweep.Calculation;
import org.diffuson.sweep.Calculations;
import org.diffuson.sweep.Plan;
import org.diffuson.sweep.PointResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The driver program of {@link SparkEngine}, run in its own JVM on the Spark jars:
 * {@code SparkDriver WORKDIR MASTER JARS CHUNKS [key=value ...]}. Reads {@code plan.json} and {@code pending.txt},
 * computes the points on the executors (each partition rebuilds the plan from the broadcast JSON and looks its
 * calculation up by name), writes each chunk as Parquet under {@code WORKDIR/chunk-K} and prints
 * {@code CHUNK <dir>} when it is complete; {@code ERROR <text>} and a non-zero exit on failure.
 */
public final class SparkDriver {
    private SparkDriver() {}

    static final StructType SCHEMA = new StructType()
            .add("idx", DataTypes.IntegerType, false)
            .add("error", DataTypes.StringType, true)
            .add("wall_ms", DataTypes.DoubleType, false)
            .add("output_names", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("output_values", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    public static void main(String[] args) {
        try {
            run(args);
            System.out.println("DONE");
            System.out.flush();
            System.exit(0);
        } catch (Throwable t) {
            String m = String.valueOf(t.getMessage()).replace('\n', ' ');
            System.out.println("ERROR " + t.getClass().getSimpleName() + ": " + m);
            System.out.flush();
            t.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String master = args[1], jars = args[2];
        int chunks = Integer.parseInt(args[3]);
        String json = Files.readString(work.resolve("plan.json"));
        Plan plan = Plan.fromJson(json);
        Calculations.get(plan.calculation()); // fail fast on the driver
        List<Integer> pending = new ArrayList<>();
        for (String s : Files.readAllLines(work.resolve("pending.txt"))) if (!s.isBlank()) pending.add(Integer.parseInt(s.strip()));
        SparkSession.Builder b = SparkSession.builder().appName("diffuson: " + plan.name()).master(master)
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false");
        if (!jars.isBlank()) b = b.config("spark.jars", jars);
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            b = b.config(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        SparkSession spark = b.getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<String> planJson = jsc.broadcast(json);
            int parallelism = jsc.defaultParallelism();
            int n = pending.size();
            int size = Math.max(Math.max(1, 2 * parallelism), (n + chunks - 1) / chunks);
            for (int k = 0, start = 0; start < n; k++, start += size) {
                List<Integer> chunk = pending.subList(start, Math.min(n, start + size));
                int partitions = Math.min(chunk.size(), 4 * parallelism);
                JavaRDD<Row> rows = jsc.parallelize(chunk, partitions).mapPartitions(it -> compute(planJson.value(), it));
                Path out = work.resolve("chunk-" + k);
                spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(out.toString());
                System.out.println("CHUNK " + out);
                System.out.flush();
            }
        } finally {
            spark.stop();
        }
    }

    /** On an executor: the points of one partition. */
    static Iterator<Row> compute(String planJson, Iterator<Integer> indices) {
        Plan plan = Plan.fromJson(planJson);
        Calculation calc = Calculations.get(plan.calculation());
        List<Row> out = new ArrayList<>();
        while (indices.hasNext()) {
            PointResult r = PointResult.compute(plan, indices.next(), calc);
            String[] names = new String[r.outputs().size()];
            Double[] values = new Double[names.length];
            int i = 0;
            for (Map.Entry<String, Double> e : r.outputs().entrySet()) {
                names[i] = e.getKey();
                values[i++] = e.getValue();
            }
            out.add(RowFactory.create(r.index(), r.error(), r.wallMs(), names, values));
        }
        return out.iterator();
    }
}
