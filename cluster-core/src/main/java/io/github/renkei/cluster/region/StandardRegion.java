package io.github.renkei.cluster.region;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/**
 * The standard geographic eight-region division of Japan (八地方区分) used in school atlases
 * and most statistics: 北海道, 東北, 関東 (the seven prefectures 茨城 to 神奈川), 中部 (the nine
 * prefectures from 新潟 to 愛知, including 福井, 山梨, 長野 and 静岡), 近畿 (including 三重), 中国,
 * 四国 and 九州 (with 沖縄).
 *
 * <p>The medical–engineering support network groups prefectures differently; that grouping is
 * {@link RegionBlock}.
 */
public enum StandardRegion {
  /** 北海道. */
  HOKKAIDO("北海道", "Hokkaido"),
  /** 東北: 青森, 岩手, 宮城, 秋田, 山形, 福島. */
  TOHOKU("東北", "Tohoku"),
  /** 関東: 茨城, 栃木, 群馬, 埼玉, 千葉, 東京, 神奈川. */
  KANTO("関東", "Kanto"),
  /** 中部: 新潟, 富山, 石川, 福井, 山梨, 長野, 岐阜, 静岡, 愛知. */
  CHUBU("中部", "Chubu"),
  /** 近畿: 三重, 滋賀, 京都, 大阪, 兵庫, 奈良, 和歌山. */
  KINKI("近畿", "Kinki"),
  /** 中国: 鳥取, 島根, 岡山, 広島, 山口. */
  CHUGOKU("中国", "Chugoku"),
  /** 四国: 徳島, 香川, 愛媛, 高知. */
  SHIKOKU("四国", "Shikoku"),
  /** 九州: 福岡, 佐賀, 長崎, 熊本, 大分, 宮崎, 鹿児島 and 沖縄. */
  KYUSHU("九州", "Kyushu");

  private final String nameJa;
  private final String nameEn;

  StandardRegion(String nameJa, String nameEn) {
    this.nameJa = nameJa;
    this.nameEn = nameEn;
  }

  /**
   * Returns the Japanese name.
   *
   * @return the Japanese name, for example {@code 東北}
   */
  public String nameJa() {
    return nameJa;
  }

  /**
   * Returns the English name.
   *
   * @return the English name, for example {@code Tohoku}
   */
  public String nameEn() {
    return nameEn;
  }

  /**
   * Returns the prefectures of this region in JIS code order.
   *
   * @return the prefectures, never empty
   */
  public ImmutableList<Prefecture> prefectures() {
    return Arrays.stream(Prefecture.values())
        .filter(p -> p.standardRegion() == this)
        .collect(ImmutableList.toImmutableList());
  }
}
