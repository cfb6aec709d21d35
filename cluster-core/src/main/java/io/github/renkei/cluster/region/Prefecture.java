package io.github.renkei.cluster.region;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import java.util.Optional;

/**
 * The 47 prefectures of Japan (都道府県) in the order of their JIS X 0401 codes 01–47, with
 * Japanese and English names, the city of the prefectural government office and its
 * coordinates, the support network's {@link RegionBlock} and the {@link StandardRegion}.
 *
 * <pre>{@code
 * Prefecture fukushima = Prefecture.ofCode(7);
 * fukushima.nameJa();                        // 福島県
 * fukushima.block();                         // HOKKAIDO_TOHOKU
 * fukushima.distanceKm(Prefecture.IWATE);    // about 225 km between the prefectural offices
 * }</pre>
 *
 * <p>Coordinates are those of the prefectural government office buildings (都道府県庁) as
 * published by the Geospatial Information Authority of Japan (国土地理院), rounded to about
 * 0.1 arc-second; they are the "capital coordinates" that distance-based constraints and
 * scorers use. Tokyo's office stands in 新宿区.
 *
 * @see <a href="https://www.gsi.go.jp/KOKUJYOHO/center.htm">GSI, 都道府県の庁舎及び東西南北端点の経緯度 (世界測地系)</a>
 * @see <a href="https://www.soumu.go.jp/denshijiti/code.html">MIC, 全国地方公共団体コード
 *     (JIS X 0401 prefecture codes)</a>
 */
public enum Prefecture {
  /** 01 北海道 (Hokkaido); capital 札幌市 (Sapporo). */
  HOKKAIDO(1, "北海道", "Hokkaido", "札幌市", "Sapporo", 43.06417, 141.34694, RegionBlock.HOKKAIDO_TOHOKU, StandardRegion.HOKKAIDO),
  /** 02 青森県 (Aomori); capital 青森市 (Aomori). */
  AOMORI(2, "青森県", "Aomori", "青森市", "Aomori", 40.82444, 140.74, RegionBlock.HOKKAIDO_TOHOKU, StandardRegion.TOHOKU),
  /** 03 岩手県 (Iwate); capital 盛岡市 (Morioka). */
  IWATE(3, "岩手県", "Iwate", "盛岡市", "Morioka", 39.70361, 141.1525, RegionBlock.HOKKAIDO_TOHOKU, StandardRegion.TOHOKU),
  /** 04 宮城県 (Miyagi); capital 仙台市 (Sendai). */
  MIYAGI(4, "宮城県", "Miyagi", "仙台市", "Sendai", 38.26889, 140.87194, RegionBlock.HOKKAIDO_TOHOKU, StandardRegion.TOHOKU),
  /** 05 秋田県 (Akita); capital 秋田市 (Akita). */
  AKITA(5, "秋田県", "Akita", "秋田市", "Akita", 39.71861, 140.1025, RegionBlock.HOKKAIDO_TOHOKU, StandardRegion.TOHOKU),
  /** 06 山形県 (Yamagata); capital 山形市 (Yamagata). */
  YAMAGATA(6, "山形県", "Yamagata", "山形市", "Yamagata", 38.24056, 140.36333, RegionBlock.HOKKAIDO_TOHOKU, StandardRegion.TOHOKU),
  /** 07 福島県 (Fukushima); capital 福島市 (Fukushima). */
  FUKUSHIMA(7, "福島県", "Fukushima", "福島市", "Fukushima", 37.75, 140.46778, RegionBlock.HOKKAIDO_TOHOKU, StandardRegion.TOHOKU),
  /** 08 茨城県 (Ibaraki); capital 水戸市 (Mito). */
  IBARAKI(8, "茨城県", "Ibaraki", "水戸市", "Mito", 36.34139, 140.44667, RegionBlock.KANTO, StandardRegion.KANTO),
  /** 09 栃木県 (Tochigi); capital 宇都宮市 (Utsunomiya). */
  TOCHIGI(9, "栃木県", "Tochigi", "宇都宮市", "Utsunomiya", 36.56583, 139.88361, RegionBlock.KANTO, StandardRegion.KANTO),
  /** 10 群馬県 (Gunma); capital 前橋市 (Maebashi). */
  GUNMA(10, "群馬県", "Gunma", "前橋市", "Maebashi", 36.39111, 139.06083, RegionBlock.KANTO, StandardRegion.KANTO),
  /** 11 埼玉県 (Saitama); capital さいたま市 (Saitama). */
  SAITAMA(11, "埼玉県", "Saitama", "さいたま市", "Saitama", 35.85694, 139.64889, RegionBlock.KANTO, StandardRegion.KANTO),
  /** 12 千葉県 (Chiba); capital 千葉市 (Chiba). */
  CHIBA(12, "千葉県", "Chiba", "千葉市", "Chiba", 35.60472, 140.12333, RegionBlock.KANTO, StandardRegion.KANTO),
  /** 13 東京都 (Tokyo); capital 新宿区 (Shinjuku). */
  TOKYO(13, "東京都", "Tokyo", "新宿区", "Shinjuku", 35.68944, 139.69167, RegionBlock.KANTO, StandardRegion.KANTO),
  /** 14 神奈川県 (Kanagawa); capital 横浜市 (Yokohama). */
  KANAGAWA(14, "神奈川県", "Kanagawa", "横浜市", "Yokohama", 35.44778, 139.6425, RegionBlock.KANTO, StandardRegion.KANTO),
  /** 15 新潟県 (Niigata); capital 新潟市 (Niigata). */
  NIIGATA(15, "新潟県", "Niigata", "新潟市", "Niigata", 37.90222, 139.02361, RegionBlock.KANTO, StandardRegion.CHUBU),
  /** 16 富山県 (Toyama); capital 富山市 (Toyama). */
  TOYAMA(16, "富山県", "Toyama", "富山市", "Toyama", 36.69528, 137.21139, RegionBlock.CHUBU, StandardRegion.CHUBU),
  /** 17 石川県 (Ishikawa); capital 金沢市 (Kanazawa). */
  ISHIKAWA(17, "石川県", "Ishikawa", "金沢市", "Kanazawa", 36.59444, 136.62556, RegionBlock.CHUBU, StandardRegion.CHUBU),
  /** 18 福井県 (Fukui); capital 福井市 (Fukui). */
  FUKUI(18, "福井県", "Fukui", "福井市", "Fukui", 36.06528, 136.22194, RegionBlock.KINKI, StandardRegion.CHUBU),
  /** 19 山梨県 (Yamanashi); capital 甲府市 (Kofu). */
  YAMANASHI(19, "山梨県", "Yamanashi", "甲府市", "Kofu", 35.66389, 138.56833, RegionBlock.KANTO, StandardRegion.CHUBU),
  /** 20 長野県 (Nagano); capital 長野市 (Nagano). */
  NAGANO(20, "長野県", "Nagano", "長野市", "Nagano", 36.65139, 138.18111, RegionBlock.KANTO, StandardRegion.CHUBU),
  /** 21 岐阜県 (Gifu); capital 岐阜市 (Gifu). */
  GIFU(21, "岐阜県", "Gifu", "岐阜市", "Gifu", 35.39111, 136.72222, RegionBlock.CHUBU, StandardRegion.CHUBU),
  /** 22 静岡県 (Shizuoka); capital 静岡市 (Shizuoka). */
  SHIZUOKA(22, "静岡県", "Shizuoka", "静岡市", "Shizuoka", 34.97694, 138.38306, RegionBlock.KANTO, StandardRegion.CHUBU),
  /** 23 愛知県 (Aichi); capital 名古屋市 (Nagoya). */
  AICHI(23, "愛知県", "Aichi", "名古屋市", "Nagoya", 35.18028, 136.90667, RegionBlock.CHUBU, StandardRegion.CHUBU),
  /** 24 三重県 (Mie); capital 津市 (Tsu). */
  MIE(24, "三重県", "Mie", "津市", "Tsu", 34.73028, 136.50861, RegionBlock.CHUBU, StandardRegion.KINKI),
  /** 25 滋賀県 (Shiga); capital 大津市 (Otsu). */
  SHIGA(25, "滋賀県", "Shiga", "大津市", "Otsu", 35.00444, 135.86833, RegionBlock.KINKI, StandardRegion.KINKI),
  /** 26 京都府 (Kyoto); capital 京都市 (Kyoto). */
  KYOTO(26, "京都府", "Kyoto", "京都市", "Kyoto", 35.02139, 135.75556, RegionBlock.KINKI, StandardRegion.KINKI),
  /** 27 大阪府 (Osaka); capital 大阪市 (Osaka). */
  OSAKA(27, "大阪府", "Osaka", "大阪市", "Osaka", 34.68639, 135.52, RegionBlock.KINKI, StandardRegion.KINKI),
  /** 28 兵庫県 (Hyogo); capital 神戸市 (Kobe). */
  HYOGO(28, "兵庫県", "Hyogo", "神戸市", "Kobe", 34.69139, 135.18306, RegionBlock.KINKI, StandardRegion.KINKI),
  /** 29 奈良県 (Nara); capital 奈良市 (Nara). */
  NARA(29, "奈良県", "Nara", "奈良市", "Nara", 34.68528, 135.83278, RegionBlock.KINKI, StandardRegion.KINKI),
  /** 30 和歌山県 (Wakayama); capital 和歌山市 (Wakayama). */
  WAKAYAMA(30, "和歌山県", "Wakayama", "和歌山市", "Wakayama", 34.22611, 135.1675, RegionBlock.KINKI, StandardRegion.KINKI),
  /** 31 鳥取県 (Tottori); capital 鳥取市 (Tottori). */
  TOTTORI(31, "鳥取県", "Tottori", "鳥取市", "Tottori", 35.50361, 134.23833, RegionBlock.CHUGOKU, StandardRegion.CHUGOKU),
  /** 32 島根県 (Shimane); capital 松江市 (Matsue). */
  SHIMANE(32, "島根県", "Shimane", "松江市", "Matsue", 35.47222, 133.05056, RegionBlock.CHUGOKU, StandardRegion.CHUGOKU),
  /** 33 岡山県 (Okayama); capital 岡山市 (Okayama). */
  OKAYAMA(33, "岡山県", "Okayama", "岡山市", "Okayama", 34.66167, 133.935, RegionBlock.CHUGOKU, StandardRegion.CHUGOKU),
  /** 34 広島県 (Hiroshima); capital 広島市 (Hiroshima). */
  HIROSHIMA(34, "広島県", "Hiroshima", "広島市", "Hiroshima", 34.39639, 132.45944, RegionBlock.CHUGOKU, StandardRegion.CHUGOKU),
  /** 35 山口県 (Yamaguchi); capital 山口市 (Yamaguchi). */
  YAMAGUCHI(35, "山口県", "Yamaguchi", "山口市", "Yamaguchi", 34.18583, 131.47139, RegionBlock.CHUGOKU, StandardRegion.CHUGOKU),
  /** 36 徳島県 (Tokushima); capital 徳島市 (Tokushima). */
  TOKUSHIMA(36, "徳島県", "Tokushima", "徳島市", "Tokushima", 34.06583, 134.55944, RegionBlock.SHIKOKU, StandardRegion.SHIKOKU),
  /** 37 香川県 (Kagawa); capital 高松市 (Takamatsu). */
  KAGAWA(37, "香川県", "Kagawa", "高松市", "Takamatsu", 34.34028, 134.04333, RegionBlock.SHIKOKU, StandardRegion.SHIKOKU),
  /** 38 愛媛県 (Ehime); capital 松山市 (Matsuyama). */
  EHIME(38, "愛媛県", "Ehime", "松山市", "Matsuyama", 33.84167, 132.76611, RegionBlock.SHIKOKU, StandardRegion.SHIKOKU),
  /** 39 高知県 (Kochi); capital 高知市 (Kochi). */
  KOCHI(39, "高知県", "Kochi", "高知市", "Kochi", 33.55972, 133.53111, RegionBlock.SHIKOKU, StandardRegion.SHIKOKU),
  /** 40 福岡県 (Fukuoka); capital 福岡市 (Fukuoka). */
  FUKUOKA(40, "福岡県", "Fukuoka", "福岡市", "Fukuoka", 33.60639, 130.41806, RegionBlock.KYUSHU, StandardRegion.KYUSHU),
  /** 41 佐賀県 (Saga); capital 佐賀市 (Saga). */
  SAGA(41, "佐賀県", "Saga", "佐賀市", "Saga", 33.24944, 130.29889, RegionBlock.KYUSHU, StandardRegion.KYUSHU),
  /** 42 長崎県 (Nagasaki); capital 長崎市 (Nagasaki). */
  NAGASAKI(42, "長崎県", "Nagasaki", "長崎市", "Nagasaki", 32.74472, 129.87361, RegionBlock.KYUSHU, StandardRegion.KYUSHU),
  /** 43 熊本県 (Kumamoto); capital 熊本市 (Kumamoto). */
  KUMAMOTO(43, "熊本県", "Kumamoto", "熊本市", "Kumamoto", 32.78972, 130.74167, RegionBlock.KYUSHU, StandardRegion.KYUSHU),
  /** 44 大分県 (Oita); capital 大分市 (Oita). */
  OITA(44, "大分県", "Oita", "大分市", "Oita", 33.23806, 131.6125, RegionBlock.KYUSHU, StandardRegion.KYUSHU),
  /** 45 宮崎県 (Miyazaki); capital 宮崎市 (Miyazaki). */
  MIYAZAKI(45, "宮崎県", "Miyazaki", "宮崎市", "Miyazaki", 31.91111, 131.42389, RegionBlock.KYUSHU, StandardRegion.KYUSHU),
  /** 46 鹿児島県 (Kagoshima); capital 鹿児島市 (Kagoshima). */
  KAGOSHIMA(46, "鹿児島県", "Kagoshima", "鹿児島市", "Kagoshima", 31.56028, 130.55806, RegionBlock.KYUSHU, StandardRegion.KYUSHU),
  /** 47 沖縄県 (Okinawa); capital 那覇市 (Naha). */
  OKINAWA(47, "沖縄県", "Okinawa", "那覇市", "Naha", 26.2125, 127.68111, RegionBlock.KYUSHU, StandardRegion.KYUSHU);

  private static final Prefecture[] BY_CODE = values();
  private static final ImmutableMap<String, Prefecture> BY_NAME = indexNames();

  private final int code;
  private final String nameJa;
  private final String nameEn;
  private final String capitalJa;
  private final String capitalEn;
  private final GeoPoint capital;
  private final RegionBlock block;
  private final StandardRegion standardRegion;

  Prefecture(
      int code,
      String nameJa,
      String nameEn,
      String capitalJa,
      String capitalEn,
      double latitude,
      double longitude,
      RegionBlock block,
      StandardRegion standardRegion) {
    this.code = code;
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.capitalJa = capitalJa;
    this.capitalEn = capitalEn;
    this.capital = new GeoPoint(latitude, longitude);
    this.block = block;
    this.standardRegion = standardRegion;
  }

  /**
   * Returns the prefecture with the given JIS X 0401 code.
   *
   * @param code the code, 1 to 47
   * @return the prefecture
   * @throws IllegalArgumentException if no prefecture has that code
   */
  public static Prefecture ofCode(int code) {
    if (code < 1 || code > BY_CODE.length) {
      throw new IllegalArgumentException(
          "unknown prefecture code " + code + " (JIS X 0401 codes are 01 to 47)");
    }
    return BY_CODE[code - 1];
  }

  /**
   * Returns the prefecture with the given JIS X 0401 code written as text, with or without a
   * leading zero ({@code "07"} or {@code "7"}).
   *
   * @param code the code as text
   * @return the prefecture
   * @throws IllegalArgumentException if the text is not a code from 01 to 47
   */
  public static Prefecture ofCode(String code) {
    checkNotNull(code, "code");
    String trimmed = code.strip();
    int n = trimmed.isEmpty() || trimmed.length() > 2 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')
        ? 0
        : Integer.parseInt(trimmed);
    if (n < 1 || n > BY_CODE.length) {
      throw new IllegalArgumentException(
          "unknown prefecture code '" + code + "' (JIS X 0401 codes are 01 to 47)");
    }
    return BY_CODE[n - 1];
  }

  /**
   * Finds a prefecture by name: the Japanese name with or without its suffix (福島県, 福島;
   * 東京都, 東京; 大阪府; 北海道), the English name in any letter case (Fukushima), the constant
   * name (FUKUSHIMA) or the code, with or without its leading zero (07, 7).
   *
   * @param name the name
   * @return the prefecture, or empty if no prefecture has that name
   */
  public static Optional<Prefecture> find(String name) {
    checkNotNull(name, "name");
    return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * Like {@link #find(String)}, but fails on an unknown name.
   *
   * @param name the name
   * @return the prefecture
   * @throws IllegalArgumentException naming the value if no prefecture has that name
   */
  public static Prefecture of(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown prefecture '" + name + "'"));
  }

  private static ImmutableMap<String, Prefecture> indexNames() {
    ImmutableMap.Builder<String, Prefecture> names = ImmutableMap.builder();
    for (Prefecture p : values()) {
      names.put(p.nameJa, p);
      if (p != HOKKAIDO) {
        names.put(p.nameJa.substring(0, p.nameJa.length() - 1), p);
      }
      names.put(p.nameEn.toLowerCase(Locale.ROOT), p);
      if (!p.name().toLowerCase(Locale.ROOT).equals(p.nameEn.toLowerCase(Locale.ROOT))) {
        names.put(p.name().toLowerCase(Locale.ROOT), p);
      }
      names.put(p.jisCode(), p);
      if (p.code < 10) {
        names.put(Integer.toString(p.code), p);
      }
    }
    return names.buildOrThrow();
  }

  /**
   * Returns the JIS X 0401 code.
   *
   * @return the code, 1 to 47
   */
  public int code() {
    return code;
  }

  /**
   * Returns the JIS X 0401 code as two digits.
   *
   * @return the code, {@code "01"} to {@code "47"}
   */
  public String jisCode() {
    return code < 10 ? "0" + code : Integer.toString(code);
  }

  /**
   * Returns the Japanese name with its suffix (都, 道, 府 or 県).
   *
   * @return the Japanese name, for example {@code 福島県}
   */
  public String nameJa() {
    return nameJa;
  }

  /**
   * Returns the English name without suffix, in Hepburn romanization without macrons.
   *
   * @return the English name, for example {@code Fukushima}
   */
  public String nameEn() {
    return nameEn;
  }

  /**
   * Returns the Japanese name of the city (or, for Tokyo, the ward) of the prefectural office.
   *
   * @return for example {@code 福島市}
   */
  public String capitalJa() {
    return capitalJa;
  }

  /**
   * Returns the English name of the city (or ward) of the prefectural office.
   *
   * @return for example {@code Fukushima}
   */
  public String capitalEn() {
    return capitalEn;
  }

  /**
   * Returns the coordinates of the prefectural government office.
   *
   * @return the office's location
   */
  public GeoPoint capital() {
    return capital;
  }

  /**
   * Returns the block that the medical–engineering support network assigns this prefecture to.
   *
   * @return the block, for example {@link RegionBlock#KANTO} for 静岡県
   */
  public RegionBlock block() {
    return block;
  }

  /**
   * Returns the region of the standard eight-region division.
   *
   * @return the region, for example {@link StandardRegion#CHUBU} for 静岡県
   */
  public StandardRegion standardRegion() {
    return standardRegion;
  }

  /**
   * Great-circle distance between the two prefectural offices.
   *
   * @param other the other prefecture
   * @return the distance in kilometres; 0 for the same prefecture
   * @see GeoPoint#distanceKm(GeoPoint)
   */
  public double distanceKm(Prefecture other) {
    checkNotNull(other, "other");
    return capital.distanceKm(other.capital);
  }
}
