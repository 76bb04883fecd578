import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { LINEAGE_CHANGES, LINEAGE_RELATIONS, type Change, type Relation } from '../../domain/lineage-changes.js';
import { GraphNode, LineageNode, NodeKindEnum } from './types.js';
import type { NodeKind } from '../../domain/model.js';

export enum CutReason { NODE_LIMIT = 'NODE_LIMIT', DEADLINE = 'DEADLINE' }
registerEnumType(CutReason, { name: 'CutReason', description: 'Why a lineage answer is partial' });

@ObjectType({ description: 'Where a partial answer stops being complete' })
export class LineageCut {
  @Field(() => CutReason) reason!: CutReason;
  @Field(() => Int, { description: 'Every node up to this distance is in the answer, at its shortest distance' }) depth!: number;
}

@ObjectType()
export class KindCount {
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class DistanceCount {
  @Field(() => Int) distance!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How much lineage there is, before fetching it' })
export class LineageCount {
  @Field(() => Int) total!: number;
  @Field(() => [KindCount]) byKind!: KindCount[];
  @Field(() => [DistanceCount]) byDistance!: DistanceCount[];
  @Field(() => Boolean, { description: 'True when counting stopped at the cap (100,000 per direction)' }) capped!: boolean;
}

@ObjectType()
export class ImpactGroup {
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => Int) distance!: number;
  @Field(() => Int) count!: number;
  @Field(() => [LineageNode], { description: 'The first 20 nodes of the group' }) nodes!: LineageNode[];
}

@ObjectType({ description: 'Everything downstream of a node, grouped by kind and distance' })
export class Impact {
  @Field(() => GraphNode) root!: GraphNode;
  @Field(() => Int) total!: number;
  @Field(() => [ImpactGroup]) groups!: ImpactGroup[];
  @Field(() => Boolean) isPartial!: boolean;
  @Field(() => LineageCut, { nullable: true }) cut!: LineageCut | null;
}

export const LineageChangeKindEnum = Object.fromEntries(LINEAGE_CHANGES.map((c) => [c, c])) as { [K in Change]: K };
registerEnumType(LineageChangeKindEnum, { name: 'LineageChangeKind', description: 'STARTED (after the node was first seen), STOPPED, AGAIN (after a gap)' });
export const LineageRelationEnum = Object.fromEntries(LINEAGE_RELATIONS.map((r) => [r, r])) as { [K in Relation]: K };
registerEnumType(LineageRelationEnum, { name: 'LineageRelation', description: "What the other node is to this one: a job READS and WRITES datasets; a dataset is READ_BY and WRITTEN_BY jobs and has each COLUMN; ITSELF: the node itself, STOPPED when dropped (or deleted), AGAIN when created again" });

@ObjectType({ description: 'A time a node started or stopped reading, writing or having another, or did again' })
export class LineageChange {
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => LineageChangeKindEnum) change!: Change;
  @Field(() => LineageRelationEnum) relation!: Relation;
  @Field(() => GraphNode) node!: unknown;
}

@ObjectType()
export class LineageChangePage {
  @Field(() => [LineageChange], { description: 'Newest first' }) items!: LineageChange[];
  @Field(() => Int, { description: 'All changes found' }) total!: number;
  @Field(() => Boolean, { description: 'True when the node has more reads, writes and columns than were read (the oldest may be missing)' }) isPartial!: boolean;
}
