package dev.tradingsystem.data.live;

/**
 * Coinbase Advanced Trade WebSocket frames written by hand in the shapes of Coinbase's
 * documentation ("Advanced Trade WebSocket Channels": level2, market_trades, ticker, heartbeats).
 */
final class CoinbaseFrames {

  private CoinbaseFrames() {
  }

  static String l2Snapshot(long seq) {
    return "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\","
        + "\"sequence_num\":" + seq + ",\"events\":[{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":["
        + "{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21921.73\",\"new_quantity\":\"0.06317902\"},"
        + "{\"side\":\"bid\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21921.74\",\"new_quantity\":\"0.5\"},"
        + "{\"side\":\"offer\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"21921.80\",\"new_quantity\":\"1.2\"}]}]}";
  }

  static String l2Update(long seq, String price, String quantity) {
    return "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:51.000000001Z\","
        + "\"sequence_num\":" + seq + ",\"events\":[{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":["
        + "{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50.714964855Z\",\"price_level\":\"" + price
        + "\",\"new_quantity\":\"" + quantity + "\"}]}]}";
  }

  static String trade(long seq, String tradeId, String price, String size, String side) {
    return "{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:19:35.39625135Z\","
        + "\"sequence_num\":" + seq + ",\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"" + tradeId
        + "\",\"product_id\":\"BTC-USD\",\"price\":\"" + price + "\",\"size\":\"" + size + "\",\"side\":\"" + side
        + "\",\"time\":\"2019-08-14T20:42:27.265Z\"}]}]}";
  }

  static String tradeSnapshot(long seq) {
    return "{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:19:35.39625135Z\","
        + "\"sequence_num\":" + seq + ",\"events\":[{\"type\":\"snapshot\",\"trades\":[{\"trade_id\":\"000000000\","
        + "\"product_id\":\"BTC-USD\",\"price\":\"1260.01\",\"size\":\"0.3\",\"side\":\"BUY\","
        + "\"time\":\"2019-08-14T20:42:27.265Z\"}]}]}";
  }

  static String ticker(long seq) {
    return "{\"channel\":\"ticker\",\"client_id\":\"\",\"timestamp\":\"2022-10-19T23:28:22.061769058Z\","
        + "\"sequence_num\":" + seq + ",\"events\":[{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\","
        + "\"product_id\":\"BTC-USD\",\"price\":\"21932.98\",\"volume_24_h\":\"16038.28770938\",\"low_24_h\":\"19445.19\","
        + "\"high_24_h\":\"22031.84\",\"low_52_w\":\"15460\",\"high_52_w\":\"48240\",\"price_percent_chg_24_h\":\"10.74\","
        + "\"best_bid\":\"21932.97\",\"best_bid_quantity\":\"0.0034\",\"best_ask\":\"21932.98\","
        + "\"best_ask_quantity\":\"0.0050\"}]}]}";
  }

  static String heartbeat(long seq) {
    return "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"2023-06-23T20:31:26.122969572Z\","
        + "\"sequence_num\":" + seq + ",\"events\":[{\"current_time\":\"2023-06-23 20:31:56.121961769 +0000 UTC "
        + "m=+91717.525857105\",\"heartbeat_counter\":\"3049\"}]}";
  }

  static String subscriptions(long seq) {
    return "{\"channel\":\"subscriptions\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:49.5Z\","
        + "\"sequence_num\":" + seq + ",\"events\":[{\"subscriptions\":{\"level2\":[\"BTC-USD\"]}}]}";
  }
}
