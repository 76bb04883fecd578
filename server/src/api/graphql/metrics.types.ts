import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';

export enum SeriesSource { RAW = 'RAW', ROLLUP_1M = 'ROLLUP_1M' }
registerEnumType(SeriesSource, { name: 'SeriesSource', description: 'Where a downsampled series was read: raw points, or the 1-minute rollup (steps of whole minutes, over the whole minutes of the range; kept longer; a point sent twice counts twice)' });

@InputType({ description: 'A label (resource or point attribute) that must equal a value' })
export class LabelMatcher {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ description: 'A histogram over one bucket: delta points added up, cumulative ones the latest' })
export class TelemetryHistogram {
  @Field(() => Float) count!: number;
  @Field(() => Float, { nullable: true }) sum!: number | null;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => [Float]) explicitBounds!: number[];
  @Field(() => [Float]) bucketCounts!: number[];
}

@ObjectType({ description: 'Base-2 exponential buckets: bucketCounts[i] counts the values in (base^(offset + i), base^(offset + i + 1)], base = 2^(2^-scale)' })
export class TelemetryExpBuckets {
  @Field(() => Int) offset!: number;
  @Field(() => [Float]) bucketCounts!: number[];
}

@ObjectType({ description: 'An exponential histogram over one bucket: delta points added up (at the lowest scale among them, lowered further to keep at most 160 buckets a side), cumulative ones the latest' })
export class TelemetryExponentialHistogram {
  @Field(() => Float) count!: number;
  @Field(() => Float, { nullable: true }) sum!: number | null;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Int) scale!: number;
  @Field(() => Float, { description: 'Values within zeroThreshold of 0' }) zeroCount!: number;
  @Field(() => Float) zeroThreshold!: number;
  @Field(() => TelemetryExpBuckets) positive!: TelemetryExpBuckets;
  @Field(() => TelemetryExpBuckets, { description: 'The buckets of the negative values, by their absolute value' }) negative!: TelemetryExpBuckets;
}

@ObjectType()
export class TelemetryQuantile {
  @Field(() => Float, { description: '0 to 1' }) quantile!: number;
  @Field(() => Float, { nullable: true, description: 'Null when the source had no value (NaN: a window without observations)' }) value!: number | null;
}

@ObjectType({ description: "A summary's latest point in the bucket (quantiles cannot be added up)" })
export class TelemetrySummary {
  @Field(() => Float) count!: number;
  @Field(() => Float, { nullable: true }) sum!: number | null;
  @Field(() => [TelemetryQuantile], { description: 'Ascending by quantile' }) quantiles!: TelemetryQuantile[];
}

@ObjectType({ description: 'One bucket of a downsampled series (for histograms and summaries the values are the mean observation of each point)' })
export class TelemetryPoint {
  @Field(() => GraphQLDateTime, { description: 'Start of the bucket' }) time!: string;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Float, { nullable: true }) avg!: number | null;
  @Field(() => Float, { nullable: true, description: 'The latest value in the bucket' }) last!: number | null;
  @Field(() => Int, { description: 'Points in the bucket' }) count!: number;
  @Field(() => TelemetryHistogram, { nullable: true, description: 'For an explicit-bucket histogram' }) histogram!: TelemetryHistogram | null;
  @Field(() => TelemetryExponentialHistogram, { nullable: true, description: 'For an exponential histogram' }) exponentialHistogram!: TelemetryExponentialHistogram | null;
  @Field(() => TelemetrySummary, { nullable: true, description: 'For a summary' }) summary!: TelemetrySummary | null;
  @Field(() => [TelemetryQuantile], { description: "The quantiles asked for with metricSeries(quantiles:): a histogram's estimated from its buckets (interpolated inside the one that holds the rank, within the recorded min and max), a summary's as it reported them (null for one it did not); empty for gauges and sums" })
  quantiles!: TelemetryQuantile[];
}

@ObjectType({ description: 'One series of an OTLP metric: a name and a set of labels' })
export class TelemetrySeries {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'gauge, sum, histogram, exponential_histogram or summary' }) type!: string;
  @Field(() => String, { description: 'delta, cumulative or unspecified' }) temporality!: string;
  @Field(() => String) unit!: string;
  @Field(() => String, { description: 'service.name of the resource' }) service!: string;
  @Field(() => GraphQLJSON, { description: 'Resource attributes overlaid with point attributes, as text' }) labels!: Record<string, string>;
  @Field(() => [TelemetryPoint]) points!: TelemetryPoint[];
}

@ObjectType()
export class TelemetrySeriesResult {
  @Field(() => Int, { description: 'Bucket width in seconds' }) stepSeconds!: number;
  @Field(() => SeriesSource) source!: SeriesSource;
  @Field(() => GraphQLDateTime) from!: string;
  @Field(() => GraphQLDateTime) to!: string;
  @Field(() => [TelemetrySeries], { description: 'At most 200 series' }) series!: TelemetrySeries[];
  @Field(() => Boolean, { description: 'True when more series or points matched than returned' }) truncated!: boolean;
}
