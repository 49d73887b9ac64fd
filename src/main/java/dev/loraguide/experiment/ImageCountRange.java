package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The image counts an experiment claims, both bounds included.
 *
 * @param min smallest image count claimed
 * @param max largest image count claimed
 */
@Schema(nullable = true)
record ImageCountRange(int min, int max) {

	/** The range of an experiment with no filter: every request. */
	static final ImageCountRange ALL = new ImageCountRange(1, Integer.MAX_VALUE);

	boolean contains(int imageCount) {
		return imageCount >= this.min && imageCount <= this.max;
	}

	boolean overlaps(ImageCountRange other) {
		return this.min <= other.max && other.min <= this.max;
	}

	@Override
	public String toString() {
		return (this.max == Integer.MAX_VALUE) ? this.min + " images or more"
				: this.min + " to " + this.max + " images";
	}

}
