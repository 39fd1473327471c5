package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewsTimeTest {

  /** 2024-03-01T12:00:00Z = 1,709,294,400 s; 2010-05-22T00:00Z = 1,274,486,400 s. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      epoch seconds                  | 1709294400                | false | 1709294400000000
      epoch seconds with a fraction  | 1709294400.25             | false | 1709294400250000
      epoch milliseconds             | 1709294400123             | false | 1709294400123000
      epoch microseconds             | 1709294400123456          | false | 1709294400123456
      ISO instant                    | 2024-03-01T12:00:00Z      | false | 1709294400000000
      ISO with offset                | 2024-03-01T13:00:00+01:00 | false | 1709294400000000
      ISO with fraction              | 2024-03-01T12:00:00.5Z    | false | 1709294400500000
      local time is UTC              | 2024-03-01T12:00:00       | false | 1709294400000000
      local time with a space        | 2024-03-01 12:00:00       | false | 1709294400000000
      date only: end of the day      | 2010-05-22                | false | 1274572800000000
      date only: start of the day    | 2010-05-22                | true  | 1274486400000000
      RFC-1123 GMT                   | 'Tue, 10 Jun 2003 04:00:00 GMT'   | false | 1055217600000000
      RFC-1123 offset                | 'Tue, 10 Jun 2003 04:00:00 +0000' | false | 1055217600000000
      RFC-822 zone name              | 'Tue, 10 Jun 2003 04:00:00 EST'   | false | 1055235600000000
      RFC-1123 one-digit day         | 'Sun, 1 Jun 2003 04:00:00 GMT'    | false | 1054440000000000
      not a time                     | yesterday                 | false | none
      empty                          | ''                        | false | none
      invalid date                   | 2024-02-30                | false | none
      milliseconds with a fraction   | 1709294400123.5           | false | none
      """)
  void timestampsOfNewsFiles(String scenario, String text, boolean atDayStart, Long micros) {
    if (micros == null) {
      assertThat(NewsTime.parseMicros(text, atDayStart)).isEmpty();
    } else {
      assertThat(NewsTime.parseMicros(text, atDayStart)).hasValue(micros);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      RSS pubDate                 | 'Tue, 10 Jun 2003 04:00:00 GMT' | 1055217600000000
      RSS pubDate, PDT            | 'Mon, 09 Jun 2003 21:00:00 PDT' | 1055217600000000
      Atom updated                | 2003-06-10T04:00:00Z            | 1055217600000000
      Atom with offset            | 2003-06-10T06:00:00+02:00       | 1055217600000000
      garbage                     | 'the tenth of June'             | none
      blank                       | '  '                            | none
      """)
  void datesOfFeeds(String scenario, String text, Long micros) {
    if (micros == null) {
      assertThat(NewsTime.parseFeedDate(text)).isEmpty();
    } else {
      assertThat(NewsTime.parseFeedDate(text)).hasValue(micros);
    }
  }
}
