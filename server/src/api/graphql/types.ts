import { Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { NODE_KINDS, type NodeKind, type Props } from '../../domain/model.js';

/** A GraphQL enum object (name → name) from a domain's list of values: register it with registerEnumType. */
export const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NodeKindEnum = enumOf(NODE_KINDS);
registerEnumType(NodeKindEnum, { name: 'NodeKind', description: 'The kind of a node in the graph' });

export enum DirectionEnum { UPSTREAM = 'UPSTREAM', DOWNSTREAM = 'DOWNSTREAM', BOTH = 'BOTH' }
registerEnumType(DirectionEnum, { name: 'Direction', description: 'UPSTREAM follows data back to its sources; DOWNSTREAM to its consumers' });

export const PROPS_DESCRIPTION = 'Attributes: OpenLineage facets as `facets.<name>`, run event times as `at.<eventType>`';

@InterfaceType({ description: 'Anything in the graph, addressable by its stable id `kind:namespace:name`', resolveType: () => 'GraphNode' })
export abstract class Node {
  @Field(() => ID) id!: string;
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
  @Field(() => GraphQLJSON, { description: PROPS_DESCRIPTION })
  props!: Props;
  @Field(() => GraphQLDateTime) createdAt!: string;
  @Field(() => GraphQLDateTime) updatedAt!: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'End of validity (e.g. a dropped dataset); null while current' })
  validTo!: string | null;
  @Field(() => [Gap], { description: 'Times before validTo when it did not exist (a dataset dropped and created again), in order, the newest 8; asOf inside one leaves it out of lineage' })
  gaps!: Gap[];
}

@ObjectType({ implements: Node })
export class GraphNode extends Node {}

@ObjectType({ description: 'A relationship; data flows from `from` to `to` on lineage edges' })
export class Edge {
  @Field(() => String) kind!: string;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => GraphQLJSON) props!: Props;
  @Field(() => GraphQLDateTime) validFrom!: string;
  @Field(() => GraphQLDateTime, { nullable: true }) validTo!: string | null;
  @Field(() => [Gap], { description: 'Times between validFrom and validTo when the edge did not hold (a job stopped reading a dataset and read it again, a column dropped and added back), in order; asOf inside one leaves the edge out' })
  gaps!: Gap[];
}

@ObjectType({ description: 'A time an edge did not hold or a node did not exist: from `from` (included) until `to` (excluded)' })
export class Gap {
  @Field(() => GraphQLDateTime) from!: string;
  @Field(() => GraphQLDateTime) to!: string;
}

@ObjectType()
export class Neighbour {
  @Field(() => Edge) edge!: Edge;
  @Field(() => GraphNode) node!: GraphNode;
}

@ObjectType()
export class NeighbourPage {
  @Field(() => [Neighbour]) items!: Neighbour[];
  @Field(() => Int, { description: 'All neighbours matching, across pages' }) total!: number;
}

@ObjectType()
export class LineageNode {
  @Field(() => GraphNode) node!: GraphNode;
  @Field(() => Int, { description: "Shortest number of hops from the root (in a partial answer, beyond its cut's depth: the shortest the walk found)" }) distance!: number;
}

@ObjectType()
export class Lineage {
  @Field(() => GraphNode) root!: GraphNode;
  @Field(() => [LineageNode]) nodes!: LineageNode[];
  @Field(() => [Edge]) edges!: Edge[];
  @Field(() => Boolean, { description: 'True when the answer is partial (node limit or deadline); see cut', deprecationReason: 'Use isPartial' })
  truncated!: boolean;
}

@ObjectType()
export class Viewer {
  @Field(() => String) tenant!: string;
  @Field(() => String) role!: string;
}
