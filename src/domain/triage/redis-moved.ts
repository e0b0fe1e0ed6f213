/**
 * A Redis Cluster node asked about a key whose hash slot another master holds answers
 * "MOVED <slot> <host>:<port>". A cluster-aware client (redis-py RedisCluster, ioredis
 * Redis.Cluster, go-redis ClusterClient, Lettuce RedisClusterClient, JedisCluster) follows it and
 * the caller never sees it; a plain single-node client reports it as an error. So MOVED in the
 * app's log means the client talks to a Redis Cluster as if it were one node — typically a move
 * from a single Redis to a cluster (a new address in config) without switching the client. Behind
 * a Service each connection lands on one node, which holds a share of the slots only, so most
 * keys fail. Pure: the refused lines only.
 */

/** redis-py "ResponseError: MOVED 15495 10.0.31.98:6379", ioredis/Jedis "MOVED 3999 127.0.0.1:6381". */
export const REDIS_MOVED = /\bMOVED \d{1,5} [\w.:[\]-]+:\d+/;

export const MOVED_WHY = 'A Redis Cluster spreads keys over 16384 hash slots held by different masters; a node asked about a key whose slot another master holds answers "MOVED <slot> <host:port>". A cluster-aware client follows that redirect and never reports it, so MOVED in the app\'s log means the client is not cluster-aware: it talks to the cluster as if it were a single node. Behind a Service each connection lands on one node, which holds only its share of the slots, so most keys fail while the cluster is healthy.';

export const MOVED_CLIENT_SIDE = 'The Redis Cluster is healthy and answers every key on the node that holds its slot: the client these pods use is not cluster-aware (a plain single-node client), most often after the app was pointed from a single Redis at a cluster without switching to a cluster client.';

export const MOVED_FIX = 'use a cluster-aware client (redis-py redis.cluster.RedisCluster, ioredis Redis.Cluster, go-redis ClusterClient, Lettuce RedisClusterClient, JedisCluster) with the cluster\'s nodes as its seeds, or point the app back at the single-node Redis until it does';
