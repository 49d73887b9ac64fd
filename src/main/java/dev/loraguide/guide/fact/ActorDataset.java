package dev.loraguide.guide.fact;

import java.util.Map;

/**
 * The fact a guide's rules match on: one actor and the image set a LoRA will be trained
 * on. Immutable; {@code attributes} leaves room for more dataset facts without changing
 * the rules that exist (a rule can read {@code attributes["resolution"]}).
 */
public final class ActorDataset {

	/** The longest actor id or name a request may carry. */
	public static final int MAX_NAME_LENGTH = 200;

	private final String actorId;

	private final String actorName;

	private final int imageCount;

	private final Map<String, Object> attributes;

	public ActorDataset(String actorId, String actorName, int imageCount, Map<String, Object> attributes) {
		this.actorId = actorId;
		this.actorName = actorName;
		this.imageCount = imageCount;
		this.attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	public static ActorDataset ofImages(int imageCount) {
		return new ActorDataset(null, null, imageCount, Map.of());
	}

	public String getActorId() {
		return this.actorId;
	}

	public String getActorName() {
		return this.actorName;
	}

	public boolean isNamed() {
		return this.actorName != null && !this.actorName.isBlank();
	}

	public int getImageCount() {
		return this.imageCount;
	}

	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

}
