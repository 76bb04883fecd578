import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';

export enum SeriesSource { RAW = 'RAW', ROLLUP_1M = 'ROLLUP_1M' }
registerEnumType(SeriesSource, { name: 'SeriesSource', description: 'Where a downsampled series was read: raw points, or the 1-minute rollup (steps of whole minutes; kept longer)' });

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

@ObjectType({ description: 'One bucket of a downsampled series (for histograms the values are the mean observation of each point)' })
export class TelemetryPoint {
  @Field(() => GraphQLDateTime, { description: 'Start of the bucket' }) time!: string;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
  @Field(() => Float, { nullable: true }) avg!: number | null;
  @Field(() => Float, { nullable: true, description: 'The latest value in the bucket' }) last!: number | null;
  @Field(() => Int, { description: 'Points in the bucket' }) count!: number;
  @Field(() => TelemetryHistogram, { nullable: true }) histogram!: TelemetryHistogram | null;
}

@ObjectType({ description: 'One series of an OTLP metric: a name and a set of labels' })
export class TelemetrySeries {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'gauge, sum or histogram' }) type!: string;
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
