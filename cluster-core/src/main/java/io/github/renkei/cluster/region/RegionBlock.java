package io.github.renkei.cluster.region;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;

/**
 * The region blocks that Japan's medical–engineering (医工連携) support network uses, as the
 * seed's nationwide list of support organizations groups them.
 *
 * <p>The convention is that of the areas of METI's regional bureaus of economy, trade and
 * industry (経済産業局): the Kanto bureau (関東経済産業局) covers 茨城, 栃木, 群馬, 埼玉, 千葉,
 * 東京, 神奈川 and also 新潟, 山梨, 長野, 静岡; the Chubu bureau (中部経済産業局) covers 愛知, 岐阜,
 * 三重, 富山, 石川; the Kinki bureau (近畿経済産業局) covers 福井 with 滋賀, 京都, 大阪, 兵庫, 奈良,
 * 和歌山. Two merges follow the seed's list: the Hokkaido and Tohoku bureaus form one block
 * (北海道・東北), and 沖縄 (under the Cabinet Office's 沖縄総合事務局, not a METI bureau) is listed
 * with 九州. The geographic eight-region division taught in schools (八地方区分) is
 * {@link StandardRegion}.
 *
 * @see <a href="http://www.kanto.meti.go.jp/annai/annai_index.html">関東経済産業局: 広域関東圏
 *     (1都10県) including 新潟, 山梨, 長野, 静岡</a>
 * @see <a href="https://www.chubu.meti.go.jp/">中部経済産業局: 愛知, 岐阜, 三重, 富山, 石川</a>
 */
public enum RegionBlock {
  /** 北海道・東北: the Hokkaido and Tohoku bureau areas together. */
  HOKKAIDO_TOHOKU("北海道・東北", "Hokkaido–Tohoku"),
  /** 関東: the Kanto bureau area (1 metropolis and 10 prefectures, including 新潟, 山梨, 長野, 静岡). */
  KANTO("関東", "Kanto"),
  /** 中部: the Chubu bureau area (愛知, 岐阜, 三重, 富山, 石川). */
  CHUBU("中部", "Chubu"),
  /** 近畿: the Kinki bureau area (including 福井). */
  KINKI("近畿", "Kinki"),
  /** 中国: the Chugoku bureau area. */
  CHUGOKU("中国", "Chugoku"),
  /** 四国: the Shikoku bureau area. */
  SHIKOKU("四国", "Shikoku"),
  /** 九州: the Kyushu bureau area, with 沖縄. */
  KYUSHU("九州", "Kyushu");

  private final String nameJa;
  private final String nameEn;

  RegionBlock(String nameJa, String nameEn) {
    this.nameJa = nameJa;
    this.nameEn = nameEn;
  }

  /**
   * Returns the Japanese name, as the seed writes it.
   *
   * @return the Japanese name, for example {@code 北海道・東北}
   */
  public String nameJa() {
    return nameJa;
  }

  /**
   * Returns the English name.
   *
   * @return the English name, for example {@code Hokkaido–Tohoku}
   */
  public String nameEn() {
    return nameEn;
  }

  /**
   * Returns the prefectures of this block in JIS code order.
   *
   * @return the prefectures, never empty
   */
  public ImmutableList<Prefecture> prefectures() {
    return Arrays.stream(Prefecture.values())
        .filter(p -> p.block() == this)
        .collect(ImmutableList.toImmutableList());
  }
}
